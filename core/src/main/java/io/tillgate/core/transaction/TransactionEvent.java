package io.tillgate.core.transaction;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a transaction's history: every state it went through, with when and why.
 *
 * @param transactionId the transaction
 * @param state the state entered
 * @param at when
 * @param note why, as the one who moved it there wrote it ({@code customer showed bank statement}),
 *     or {@code null} for ordinary progress
 * @param actor the authenticated account that moved it there ({@code admin:alice}, {@code cli:bob}),
 *     or {@code null} when the gateway itself did; never taken from free text
 * @param node the cluster node that wrote it, or {@code null} for a single gateway and for operators
 */
public record TransactionEvent(String transactionId, TransactionState state, Instant at, String note, String actor,
        String node) {

    /** An event written outside a cluster. */
    public TransactionEvent(String transactionId, TransactionState state, Instant at, String note, String actor) {
        this(transactionId, state, at, note, actor, null);
    }

    /** An event of the gateway's own making, or with a note and no account. */
    public TransactionEvent(String transactionId, TransactionState state, Instant at, String note) {
        this(transactionId, state, at, note, null);
    }

    public TransactionEvent {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
    }
}
