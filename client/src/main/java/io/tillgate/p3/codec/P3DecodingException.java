package io.tillgate.p3.codec;

import java.util.Objects;
import java.util.Optional;

/**
 * A P3 message could not be read. Carries the P3 error type to answer with
 * ({@link P3ErrorType#PARAMETER_MISSING} or {@link P3ErrorType#PARAMETER_INVALID}), the JSON path
 * of the offending field ({@code ""} for the message as a whole), and whatever of {@code type},
 * {@code tag} and {@code resource} could still be read, so the server can answer with an ERROR
 * that echoes them and keep the connection.
 *
 * <p>The message names the field and the problem; it never contains the raw frame, and values of
 * secret fields ({@code merchantSecret}, {@code signature}) are never echoed.
 */
public final class P3DecodingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final P3ErrorType errorType;
    private final String field;
    private final String problem;
    private final P3MessageType messageType;
    private final String tag;
    private final String resource;

    public P3DecodingException(P3ErrorType errorType, String field, String problem) {
        this(errorType, field, problem, null, null, null);
    }

    public P3DecodingException(P3ErrorType errorType, String field, String problem,
                               P3MessageType messageType, String tag, String resource) {
        super(describe(field, problem), null, false, true);
        this.errorType = Objects.requireNonNull(errorType, "errorType");
        this.field = Objects.requireNonNull(field, "field");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.messageType = messageType;
        this.tag = tag;
        this.resource = resource;
    }

    private static String describe(String field, String problem) {
        return field == null || field.isEmpty() ? problem : field + ": " + problem;
    }

    /** PARAMETER_MISSING or PARAMETER_INVALID. */
    public P3ErrorType errorType() {
        return errorType;
    }

    /** JSON path of the offending field, e.g. {@code executeTransactionRequest.transactionParameters.amount}; {@code ""} for the whole message. */
    public String field() {
        return field;
    }

    /** The problem without the field, e.g. {@code expected a number, got 'abc'}. */
    public String problem() {
        return problem;
    }

    /** The message type, if {@code type} was readable and known. */
    public Optional<P3MessageType> messageType() {
        return Optional.ofNullable(messageType);
    }

    /** The tag, if it was readable; {@code null} otherwise. */
    public String tag() {
        return tag;
    }

    /** The resource, normalised ({@code "/"} for root), or {@code null} if it was not a string. */
    public String resource() {
        return resource;
    }

    /** The same failure with the envelope fields the caller knows better. */
    public P3DecodingException withEnvelope(P3MessageType messageType, String tag, String resource) {
        return new P3DecodingException(errorType, field, problem, messageType, tag, resource);
    }

    /** The error object to answer with: human message naming the field, developer message with the problem. */
    public P3Error toError() {
        String message;
        if (field.isEmpty()) {
            message = "Invalid message";
        } else if (errorType == P3ErrorType.PARAMETER_MISSING) {
            message = "Missing parameter " + field;
        } else {
            message = "Invalid parameter " + field;
        }
        return new P3Error(errorType.code(), message, getMessage());
    }

    /**
     * The ERROR response a server sends back: the response type of the request, its tag and
     * resource echoed. Empty when the type was unreadable, unknown or not a request.
     */
    public Optional<P3Message> errorResponse() {
        if (messageType == null) {
            return Optional.empty();
        }
        return messageType.responseType().map(rt -> P3Message.error(rt, tag, resource, toError()));
    }
}
