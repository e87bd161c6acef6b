package io.tillgate.core.terminal;

import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.transaction.TransactionRecord;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * One transaction handed to a terminal.
 *
 * @param transactionId the gateway id, also used to route aborts and answers
 * @param command what to do; for refunds and captures its amount is already resolved
 * @param original the transaction a refund, reversal or capture refers to, or {@code null}
 * @param affinity the executor of the connection the request came in on, or {@code null}; see
 *     {@link io.tillgate.core.service.PaymentRequest#affinity()}
 */
public record TerminalRequest(String transactionId, PaymentCommand command, TransactionRecord original,
        Executor affinity) {

    public TerminalRequest {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(command, "command");
    }

    /** A request with no caller's executor to run on. */
    public TerminalRequest(String transactionId, PaymentCommand command, TransactionRecord original) {
        this(transactionId, command, original, null);
    }
}
