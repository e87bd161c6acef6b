package io.tillgate.p3.server;

import io.tillgate.p3.codec.P3Error;
import io.tillgate.p3.codec.P3ErrorType;
import java.util.Objects;

/**
 * A request the server answers with an ERROR response for a reason other than a malformed field
 * (those are {@link io.tillgate.p3.codec.P3DecodingException}s): authentication, an unknown device,
 * an unusable signature. Carries no stack trace: it is an answer, not a fault.
 */
final class P3Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient P3Error error;

    P3Refusal(P3ErrorType type, String developerMessage) {
        super(developerMessage, null, false, false);
        this.error = P3ErrorMapper.of(Objects.requireNonNull(type, "type"), developerMessage);
    }

    P3Error error() {
        return error;
    }
}
