package io.tillgate.core.transaction;

import io.tillgate.core.payment.TransactionResult;

/**
 * The journal state of a transaction. States only move forward:
 * {@code CREATED → SENT → IN_PROGRESS → final}, and any non-final state may become
 * {@link #UNKNOWN}, which an operator (or recovery) later resolves to a final state.
 */
public enum TransactionState {
    /** Recorded, the terminal not yet contacted. */
    CREATED,
    /** Handed to the terminal. */
    SENT,
    /** The terminal reported progress. */
    IN_PROGRESS,
    APPROVED,
    DECLINED,
    ABORTED,
    FAILED,
    /** The outcome could not be established. */
    UNKNOWN;

    public boolean isFinal() {
        return this == APPROVED || this == DECLINED || this == ABORTED || this == FAILED;
    }

    /** Whether the journal may move a transaction from this state to {@code next}. */
    public boolean canMoveTo(TransactionState next) {
        if (isFinal()) {
            return false;
        }
        if (this == UNKNOWN) {
            return next.isFinal();
        }
        return next == UNKNOWN || next.ordinal() > ordinal();
    }

    public static TransactionState of(TransactionResult result) {
        return switch (result) {
            case APPROVED -> APPROVED;
            case DECLINED -> DECLINED;
            case ABORTED -> ABORTED;
            case FAILED -> FAILED;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
