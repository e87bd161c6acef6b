package io.tillgate.admin;

import io.tillgate.admin.api.ReceiptPrinter;
import io.tillgate.admin.auth.SignInObserver;
import io.tillgate.admin.health.ReadinessCheck;
import io.tillgate.admin.terminal.TerminalBoard;
import io.tillgate.core.transaction.PublishingTransactionStore;
import java.util.List;
import java.util.Objects;

/**
 * What the admin listener shows and acts on, from the running gateway.
 *
 * @param journal the gateway's journal; the admin subscribes to it for the live stream and writes
 *     operators' resolutions through it, so every other subscriber (metrics) sees them too
 * @param terminals the terminal board
 * @param readiness what {@code /health/ready} checks besides the terminals
 * @param metrics what {@code /metrics} serves, or {@code null} when metrics are off
 * @param info the gateway's version, start and P3 address, for the console
 * @param receipts prints a transaction's receipts for the detail view
 * @param signIns told of refused sign-ins
 */
public record AdminServices(PublishingTransactionStore journal, TerminalBoard terminals,
        List<ReadinessCheck> readiness, MetricsSource metrics, GatewayInfo info, ReceiptPrinter receipts,
        SignInObserver signIns) {

    public AdminServices {
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(terminals, "terminals");
        readiness = List.copyOf(readiness);
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(receipts, "receipts");
        signIns = signIns == null ? SignInObserver.NONE : signIns;
    }
}
