package io.tillgate.p3.client;

/**
 * The client could not open a connection (refused, timed out, WebSocket handshake rejected), or
 * gave up reconnecting.
 */
public final class ConnectionFailedException extends PayClientException {

    private static final long serialVersionUID = 1L;

    public ConnectionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
