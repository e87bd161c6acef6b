package io.tillgate.p3.client;

import java.util.Objects;

/**
 * The transaction request certainly never started a transaction: it could not be sent, or after a
 * disconnect the server confirmed it knows no request with this tag and had never answered it.
 * Nothing was charged; the request is safe to repeat.
 */
public final class TransactionNotStartedException extends PayClientException {

    private static final long serialVersionUID = 1L;

    private final String tag;

    public TransactionNotStartedException(String tag, String reason, Throwable cause) {
        super("transaction request " + tag + " was not started: " + reason, cause);
        this.tag = Objects.requireNonNull(tag, "tag");
    }

    /** The tag of the request that did not start. */
    public String tag() {
        return tag;
    }
}
