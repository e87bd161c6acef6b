package io.tillgate.nexo.internal;

/** An HTTP exchange that did not produce an answer. */
public final class NexoTransportException extends RuntimeException {

    private final boolean maybeDelivered;

    public NexoTransportException(boolean maybeDelivered, String message, Throwable cause) {
        super(message, cause);
        this.maybeDelivered = maybeDelivered;
    }

    /**
     * Whether the peer may have received the request: false only when it provably did not (no
     * connection). A payment that may have been delivered must be recovered, not retried.
     */
    public boolean maybeDelivered() {
        return maybeDelivered;
    }
}
