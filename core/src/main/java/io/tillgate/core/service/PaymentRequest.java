package io.tillgate.core.service;

import io.tillgate.core.payment.PaymentCommand;
import java.util.Objects;

/**
 * A {@link PaymentCommand} as a front-end received it.
 *
 * @param merchantId the authenticated merchant
 * @param terminalId the terminal to run on; {@code null} for refunds and captures, which run on
 *     the original transaction's terminal (an unlinked refund names its terminal)
 * @param protocol the front-end protocol ({@code P3}, …)
 * @param requestReference the protocol's id for the request (P3 tag); an idempotency key
 * @param command what to do
 */
public record PaymentRequest(String merchantId, String terminalId, String protocol, String requestReference,
        PaymentCommand command) {

    public PaymentRequest {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(command, "command");
        if (terminalId == null && command.originalTransactionId() == null) {
            throw new IllegalArgumentException("a " + command.kind() + " needs a terminal");
        }
    }
}
