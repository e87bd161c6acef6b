package io.tillgate.core.transaction;

import java.time.Instant;
import java.util.Objects;

/**
 * What an operator looks for in the journal. Every criterion is optional ({@code null}); the result
 * is newest first and holds at most {@code limit} transactions.
 *
 * @param merchantId only this merchant's
 * @param terminalId only this terminal's
 * @param state only those in this state
 * @param unresolved only those without a final outcome (running, or UNKNOWN)
 * @param reference only those with this POS reference
 * @param from created at or after
 * @param to created before
 * @param limit at most this many, 1 to {@link #MAX_LIMIT}
 */
public record TransactionQuery(String merchantId, String terminalId, TransactionState state, boolean unresolved,
        String reference, Instant from, Instant to, int limit) {

    /** What one answer may hold; an export of more pages by time. */
    public static final int MAX_LIMIT = 10_000;

    public TransactionQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** The newest {@code limit} transactions, whatever they are. */
    public static TransactionQuery newest(int limit) {
        return new TransactionQuery(null, null, null, false, null, null, null, limit);
    }

    /** Whether a transaction meets every criterion given. */
    public boolean matches(TransactionRecord transaction) {
        return (merchantId == null || merchantId.equals(transaction.merchantId()))
                && (terminalId == null || terminalId.equals(transaction.terminalId()))
                && (state == null || state == transaction.state())
                && (!unresolved || !transaction.isFinal())
                && (reference == null || Objects.equals(reference, transaction.reference()))
                && (from == null || !transaction.createdAt().isBefore(from))
                && (to == null || transaction.createdAt().isBefore(to));
    }
}
