package io.tillgate.p3.codec;

/**
 * Runs a transaction on a device (docs/protocols/p3.md §3.2). Whether {@code transactionParameters} or
 * {@code sessionIdentifier} is present, and what they hold, is for the server to check.
 */
public record ExecuteTransactionRequest(
        String mode,
        TransactionParameters transactionParameters,
        String sessionIdentifier,
        ProcessParameters processParameters,
        AccountParameters accountParameters) implements P3Body {

    /** A plain card payment: mode and parameters only. */
    public static ExecuteTransactionRequest of(String mode, TransactionParameters transactionParameters) {
        return new ExecuteTransactionRequest(mode, transactionParameters, null, null, null);
    }

    @Override
    public P3MessageType messageType() {
        return P3MessageType.EXECUTE_TRANSACTION_REQUEST;
    }
}
