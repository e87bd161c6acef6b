package io.tillgate.p3.codec;

import java.util.Objects;
import java.util.Optional;

/**
 * One P3 message: the envelope ({@code type}, {@code tag}, {@code resource}, {@code status},
 * {@code error}) and its body. The constructor enforces the envelope rules of docs/protocols/p3.md §2 so that an
 * invalid message cannot be built, let alone sent:
 * <ul>
 *   <li>requests carry neither status nor error, and always a body;</li>
 *   <li>server messages carry a status; {@code error} is present if and only if it is ERROR;
 *       the body may be absent only on ERROR;</li>
 *   <li>the body's class is the one of {@code type}.</li>
 * </ul>
 * The resource is normalised: {@code null}, {@code ""} and {@code "/"} all become {@link #ROOT};
 * device resources ({@code devices/<id>}) are kept exactly. {@code tag} may be {@code null} only
 * where the peer gave none (an ERROR answer to a request whose tag could not be read).
 */
public record P3Message(
        P3MessageType type,
        String tag,
        String resource,
        P3Status status,
        P3Error error,
        P3Body body) {

    /** The root resource: the server itself. */
    public static final String ROOT = "/";

    /** Prefix of device resources. */
    public static final String DEVICES_PREFIX = "devices/";

    public P3Message {
        Objects.requireNonNull(type, "type");
        resource = normaliseResource(resource);
        if (type.isRequest()) {
            if (status != null) {
                throw new IllegalArgumentException(type + " is a request and carries no status");
            }
            if (error != null) {
                throw new IllegalArgumentException(type + " is a request and carries no error");
            }
            if (body == null) {
                throw new IllegalArgumentException(type + " needs a " + type.bodyKey() + " body");
            }
        } else {
            if (status == null) {
                throw new IllegalArgumentException(type + " needs a status");
            }
            if ((status == P3Status.ERROR) != (error != null)) {
                throw new IllegalArgumentException(type + ": error must be present if and only if status is ERROR"
                        + " (status " + status + ", error " + (error == null ? "absent" : "present") + ")");
            }
            if (body == null && status == P3Status.OK) {
                throw new IllegalArgumentException(type + " with status OK needs a " + type.bodyKey() + " body");
            }
        }
        if (body != null && body.getClass() != type.bodyClass()) {
            throw new IllegalArgumentException(type + " cannot carry a " + body.getClass().getSimpleName()
                    + " body (expected " + type.bodyClass().getSimpleName() + ")");
        }
    }

    /** A client request; the type comes from the body. */
    public static P3Message request(P3Body body, String tag, String resource) {
        Objects.requireNonNull(body, "body");
        return new P3Message(body.messageType(), tag, resource, null, null, body);
    }

    /** An OK update, action or response echoing the request's tag and resource. */
    public static P3Message ok(P3Message request, P3Body body) {
        Objects.requireNonNull(request, "request");
        return ok(request.tag(), request.resource(), body);
    }

    /** An OK update, action or response; the type comes from the body. */
    public static P3Message ok(String tag, String resource, P3Body body) {
        Objects.requireNonNull(body, "body");
        return new P3Message(body.messageType(), tag, resource, P3Status.OK, null, body);
    }

    /** An ERROR message without a body. */
    public static P3Message error(P3MessageType type, String tag, String resource, P3Error error) {
        return new P3Message(type, tag, resource, P3Status.ERROR, Objects.requireNonNull(error, "error"), null);
    }

    /**
     * The ERROR response to a request, echoing its tag and resource.
     *
     * @throws IllegalArgumentException if {@code request} is not a request
     */
    public static P3Message errorFor(P3Message request, P3Error error) {
        P3MessageType responseType = request.type().responseType().orElseThrow(
                () -> new IllegalArgumentException(request.type() + " is not a request"));
        return error(responseType, request.tag(), request.resource(), error);
    }

    /** The resource of a device: {@code devices/<identifier>}. */
    public static String deviceResource(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw new IllegalArgumentException("device identifier must not be empty");
        }
        return DEVICES_PREFIX + identifier;
    }

    /** Maps the four spellings of the root resource (absent, null, "", "/") to {@link #ROOT}. */
    public static String normaliseResource(String resource) {
        return resource == null || resource.isEmpty() || ROOT.equals(resource) ? ROOT : resource;
    }

    public boolean isRootResource() {
        return ROOT.equals(resource);
    }

    /** The {@code <id>} of a {@code devices/<id>} resource; empty for root or anything else. */
    public Optional<String> deviceIdentifier() {
        if (resource.length() > DEVICES_PREFIX.length() && resource.startsWith(DEVICES_PREFIX)) {
            return Optional.of(resource.substring(DEVICES_PREFIX.length()));
        }
        return Optional.empty();
    }

    public boolean isError() {
        return status == P3Status.ERROR;
    }

    /** The body cast to the class the caller expects for this type. */
    public <B extends P3Body> B body(Class<B> bodyClass) {
        return bodyClass.cast(body);
    }
}
