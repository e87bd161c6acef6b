package io.tillgate.p3.codec;

/**
 * Asks the device to abort its running transaction (project decision, docs/protocols/p3.md §3.6); the identifier
 * is optional, the device resource is what matters.
 */
public record AbortTransactionRequest(String transactionIdentifier) implements P3Body {

    /** The usual empty body {@code {}}. */
    public static AbortTransactionRequest any() {
        return new AbortTransactionRequest(null);
    }

    @Override
    public P3MessageType messageType() {
        return P3MessageType.ABORT_TRANSACTION_REQUEST;
    }
}
