package io.tillgate.core.transaction;

/**
 * Told of every transaction change once it is durable: a new transaction, a state change, an
 * operator's resolution. Called on the journal's completion thread, in the order of the writes of
 * one transaction; an implementation must return at once and never block (metrics, a live view).
 */
@FunctionalInterface
public interface TransactionFeed {

    void changed(TransactionRecord transaction);
}
