package io.tillgate.core.payment;

/** The final result of a transaction. */
public enum TransactionResult {
    APPROVED,
    DECLINED,
    /** Cancelled by the merchant, the shopper or a timeout before money moved. */
    ABORTED,
    /** The transaction could not run (terminal error, host unreachable before authorisation). */
    FAILED,
    /** The outcome could not be established: an operator must resolve it. */
    UNKNOWN
}
