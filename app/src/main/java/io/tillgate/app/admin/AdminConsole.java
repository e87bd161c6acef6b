package io.tillgate.app.admin;

import io.tillgate.admin.AdminServer;
import io.tillgate.admin.AdminServices;
import io.tillgate.admin.AdminSettings;
import io.tillgate.admin.GatewayInfo;
import io.tillgate.admin.MetricsSource;
import io.tillgate.admin.api.ReceiptPrinter;
import io.tillgate.admin.auth.SignInObserver;
import io.tillgate.app.config.GatewaySettings;
import io.tillgate.core.TillgateVersion;
import io.tillgate.core.health.TerminalMonitor;
import io.tillgate.core.merchant.MerchantDirectory;
import io.tillgate.core.service.PaymentService;
import io.tillgate.core.transaction.PublishingTransactionStore;
import io.tillgate.transport.ServerTransport;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/** Builds the admin listener of a gateway from its settings and running parts. */
public final class AdminConsole {

    private AdminConsole() {
    }

    /**
     * @param p3WebSocket the P3 WebSocket listener the console's test payment panel pays through, or
     *     {@code null} when P3 is off
     * @param metrics what {@code /metrics} serves, or {@code null} when metrics are off
     * @param configuration the configuration running now, which a reload changes
     */
    public static AdminServer create(GatewaySettings settings, ServerTransport transport, PaymentService payments,
            PublishingTransactionStore journal, GatewayTerminalBoard board, URI p3WebSocket, MetricsSource metrics,
            SignInObserver signIns, Supplier<GatewayInfo.Configuration> configuration, Clock clock) {
        GatewaySettings.AdminSpec spec = settings.admin();
        AdminSettings admin = new AdminSettings(settings.host(), spec.port(), settings.transport().tlsCapable(null),
                spec.accounts(), spec.tokens(), spec.sessionIdleTimeout(), spec.lockout());
        GatewayInfo info = new GatewayInfo(TillgateVersion.current(), clock.instant(), p3WebSocket, configuration);
        AdminServices services = new AdminServices(journal, board,
                List.of(new JournalReadiness(journal.unwrapped()), new ListenerReadiness(transport),
                        new AdmissionReadiness(payments)), metrics, info,
                new ReceiptPrinter(new MerchantDirectory(settings.merchants()), settings.zone(),
                        settings.receiptWidth()),
                signIns);
        String webSockets = p3WebSocket == null ? "" : p3WebSocket.getScheme() + "://*:" + p3WebSocket.getPort();
        return new AdminServer(admin, services, transport, webSockets, clock);
    }

    /** The board's entries: every configured terminal with how the gateway speaks to it. */
    public static GatewayTerminalBoard board(GatewaySettings settings, TerminalMonitor health) {
        return new GatewayTerminalBoard(entries(settings), health);
    }

    /** Every configured terminal with how the gateway speaks to it, in configuration order. */
    public static List<GatewayTerminalBoard.Entry> entries(GatewaySettings settings) {
        return settings.terminals().stream()
                .map(t -> new GatewayTerminalBoard.Entry(t.id(), t.name(), t.type())).toList();
    }
}
