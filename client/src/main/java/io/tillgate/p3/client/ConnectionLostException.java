package io.tillgate.p3.client;

/**
 * The connection closed while a short request (login, abort, signature, query) waited for its
 * response, or before a queued request could be sent. Whether the server acted on the request is
 * not known; all of these are safe to repeat. Running transactions do not fail with this: they are
 * recovered (see {@link PayClient}).
 */
public final class ConnectionLostException extends PayClientException {

    private static final long serialVersionUID = 1L;

    public ConnectionLostException(String message) {
        super(message);
    }

    public ConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
