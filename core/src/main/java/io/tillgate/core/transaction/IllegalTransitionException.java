package io.tillgate.core.transaction;

/** A state change the journal refuses: backwards, or over a final state. */
public final class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String transactionId, TransactionState from, TransactionState to) {
        super("transaction " + transactionId + " cannot move from " + from + " to " + to);
    }
}
