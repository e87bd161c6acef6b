package io.tillgate.p3.client;

/**
 * The server broke the protocol for one operation: it answered a tag with a message type that does
 * not belong to the request (a LOGIN response to an EXECUTE, say).
 */
public final class P3ProtocolException extends PayClientException {

    private static final long serialVersionUID = 1L;

    public P3ProtocolException(String message) {
        super(message);
    }
}
