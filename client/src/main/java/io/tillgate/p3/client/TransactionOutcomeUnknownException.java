package io.tillgate.p3.client;

import io.tillgate.p3.codec.P3Transaction;
import java.util.Objects;
import java.util.Optional;

/**
 * The request reached the server, but its outcome could not be established: the connection
 * dropped and recovery failed (the server does not support QUERY_TRANSACTION, reconnecting gave
 * up, or the transaction was still not final at the recovery deadline). The money may or may not
 * have moved; the message names the request tag, which a Tillgate server answers later with
 * {@code QUERY_TRANSACTION {"tag": …}} ({@code tillgate query --tag …}).
 */
public final class TransactionOutcomeUnknownException extends PayClientException {

    private static final long serialVersionUID = 1L;

    private final String tag;
    private final transient P3Transaction lastKnown;

    public TransactionOutcomeUnknownException(String tag, String reason, P3Transaction lastKnown, Throwable cause) {
        super("outcome of transaction request " + tag + " is unknown: " + reason
                + "; query it later by this tag", cause);
        this.tag = Objects.requireNonNull(tag, "tag");
        this.lastKnown = lastKnown;
    }

    /** The tag of the original EXECUTE or AMEND request. */
    public String tag() {
        return tag;
    }

    /** The last state of the transaction the client saw (an update, or a query answer), if any. */
    public Optional<P3Transaction> lastKnown() {
        return Optional.ofNullable(lastKnown);
    }
}
