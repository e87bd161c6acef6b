package io.tillgate.core.transaction;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a transaction's history: every state it went through, with when and why.
 *
 * @param transactionId the transaction
 * @param state the state entered
 * @param at when
 * @param note who or what moved it there and why ({@code operator alice: customer showed bank
 *     statement}), or {@code null} for ordinary progress
 */
public record TransactionEvent(String transactionId, TransactionState state, Instant at, String note) {

    public TransactionEvent {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
    }
}
