package io.tillgate.core.terminal;

import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.transaction.TransactionRecord;
import java.util.Objects;

/**
 * One transaction handed to a terminal.
 *
 * @param transactionId the gateway id, also used to route aborts and answers
 * @param command what to do; for refunds and captures its amount is already resolved
 * @param original the transaction a refund, reversal or capture refers to, or {@code null}
 */
public record TerminalRequest(String transactionId, PaymentCommand command, TransactionRecord original) {

    public TerminalRequest {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(command, "command");
    }
}
