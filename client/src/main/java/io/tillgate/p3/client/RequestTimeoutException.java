package io.tillgate.p3.client;

/** A short request got no response within the client's request timeout. */
public final class RequestTimeoutException extends PayClientException {

    private static final long serialVersionUID = 1L;

    public RequestTimeoutException(String message) {
        super(message);
    }
}
