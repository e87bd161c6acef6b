package io.tillgate.core.transaction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where transactions are recorded. Writes are asynchronous and complete only once durable, so the
 * caller can order "recorded" before "terminal contacted" and "outcome recorded" before "POS told".
 * Reads may block (a database) and are then never called on a Netty event loop.
 */
public interface TransactionStore extends AutoCloseable {

    /** Records a new transaction and the first event of its history. */
    CompletableFuture<Void> insert(TransactionRecord record);

    /**
     * Records a state change and appends it to the history. What a transaction is — merchant,
     * terminal, kind, amount, references — is fixed by {@link #insert}; an update records only
     * what happens to it: state, outcome, captured, signature on receipt and the time.
     * Completes exceptionally with {@link IllegalTransitionException} when the stored state cannot
     * move to the new one, except that a final record may be updated to set
     * {@link TransactionRecord#captured()}.
     */
    default CompletableFuture<Void> update(TransactionRecord record) {
        return update(record, null);
    }

    /** As {@link #update(TransactionRecord)}, with a note for the history. */
    default CompletableFuture<Void> update(TransactionRecord record, String note) {
        return update(record, note, null);
    }

    /**
     * As {@link #update(TransactionRecord)}, with a note and the account that made the change (an
     * operator's resolution) for the history.
     */
    CompletableFuture<Void> update(TransactionRecord record, String note, String actor);

    /** The transactions a query selects, newest first, at most {@link TransactionQuery#limit()}. */
    List<TransactionRecord> search(TransactionQuery query);

    /** The transaction's history, oldest first; empty for an unknown id. */
    List<TransactionEvent> history(String id);

    Optional<TransactionRecord> findById(String id);

    /**
     * A merchant's transactions with this POS reference (P3 customIdentifier, IPP REFERENCE, nexo
     * SaleTransactionID), created at or after {@code since}, newest first. A reference may name
     * many transactions: a retry after a decline, split tender, a constant order number.
     */
    List<TransactionRecord> findByReference(String merchantId, String reference, Instant since);

    /** Every merchant's transactions with this POS reference, newest first: for operators. */
    List<TransactionRecord> findByReference(String reference);

    /**
     * The newest transaction of a merchant with this message identity (P3 tag, IPP SID, nexo SaleID
     * + ServiceID): what the same message sent again names.
     */
    Optional<TransactionRecord> findByRequestReference(String merchantId, String protocol, String requestReference);

    /** Refunds, reversals and captures that refer to a transaction. */
    List<TransactionRecord> findByOriginal(String originalTransactionId);

    /** Transactions not in a final state (including UNKNOWN), oldest first. */
    List<TransactionRecord> findUnresolved();

    /** Transactions created at or after {@code since}, oldest first. */
    List<TransactionRecord> findSince(Instant since);

    /**
     * Whether every read answers from memory at once and every write completes before it returns,
     * so that a caller on an event loop may use the store directly.
     */
    default boolean answersAtOnce() {
        return false;
    }

    @Override
    default void close() {
    }
}
