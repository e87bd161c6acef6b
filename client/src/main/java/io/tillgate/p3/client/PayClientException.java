package io.tillgate.p3.client;

/**
 * Base of every failure a {@link PayClient} future completes with, so a caller can tell client
 * failures from bugs in its own callbacks with one {@code catch}.
 */
public class PayClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PayClientException(String message) {
        super(message);
    }

    public PayClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
