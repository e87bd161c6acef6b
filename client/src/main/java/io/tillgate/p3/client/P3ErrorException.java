package io.tillgate.p3.client;

import io.tillgate.p3.codec.P3Error;
import io.tillgate.p3.codec.P3Transaction;
import java.util.Objects;
import java.util.Optional;

/**
 * The server answered a request with status ERROR. {@link #error()} carries the error object as
 * sent (its {@code type} is any string: a real PayServer may send types Tillgate never emits), and
 * {@link #transaction()} the transaction of an ERROR response that still had one — an EXECUTE
 * that failed late reports the failed transaction this way (docs/protocols/p3.md §2).
 */
public final class P3ErrorException extends PayClientException {

    private static final long serialVersionUID = 1L;

    private final transient P3Error error;
    private final transient P3Transaction transaction;

    /**
     * @param operation what failed, as the message should start: {@code login}, {@code abort}, …
     */
    public P3ErrorException(String operation, P3Error error, P3Transaction transaction) {
        super(describe(operation, error));
        this.error = Objects.requireNonNull(error, "error");
        this.transaction = transaction;
    }

    private static String describe(String operation, P3Error error) {
        String message = error.message() == null || error.message().isBlank() ? "" : ": " + error.message();
        return operation + " failed: " + error.type() + message;
    }

    /** The error object exactly as the server sent it. */
    public P3Error error() {
        return error;
    }

    /** The error type; {@link ErrorType#UNRECOGNISED} for one this client does not know. */
    public ErrorType type() {
        return ErrorType.of(error.type());
    }

    /** The error type exactly as sent, e.g. {@code ACCESSORY_BUSY} from a server that is not Tillgate. */
    public String rawType() {
        return error.type();
    }

    public boolean isType(ErrorType type) {
        return type() == type;
    }

    /** The transaction the ERROR response carried, if any. */
    public Optional<P3Transaction> transaction() {
        return Optional.ofNullable(transaction);
    }
}
