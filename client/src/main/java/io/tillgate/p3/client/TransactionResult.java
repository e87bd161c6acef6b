package io.tillgate.p3.client;

import io.tillgate.p3.codec.P3Transaction;
import java.util.Objects;

/**
 * A transaction as the server reported it at the end of a charge, refund or capture, or in answer
 * to a query: whatever its status — a DECLINED payment is a result, not a failure.
 *
 * @param transaction everything the server sent: identifier, amounts, card details, receipts
 */
public record TransactionResult(P3Transaction transaction) {

    public TransactionResult {
        Objects.requireNonNull(transaction, "transaction");
    }

    /** The status; {@link TransactionStatus#UNRECOGNISED} for a value this client does not know. */
    public TransactionStatus status() {
        return TransactionStatus.of(transaction);
    }

    /** The status exactly as the server sent it. */
    public String rawStatus() {
        return transaction.status();
    }

    public boolean isApproved() {
        return status() == TransactionStatus.APPROVED;
    }

    /** The server's identifier of the transaction, which a refund or capture refers to. */
    public String identifier() {
        return transaction.identifier();
    }
}
