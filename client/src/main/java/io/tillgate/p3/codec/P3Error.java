package io.tillgate.p3.codec;

import java.util.Objects;
import java.util.Optional;

/**
 * The header {@code error} object, present if and only if {@code status} is ERROR. {@code type}
 * is a plain string: Tillgate emits the {@link P3ErrorType} codes, but a client must accept any.
 */
public record P3Error(String type, String message, String developerMessage) {

    public P3Error {
        if (type == null) {
            throw InvalidFieldException.missing("type");
        }
    }

    public static P3Error of(P3ErrorType type, String message) {
        return new P3Error(Objects.requireNonNull(type, "type").code(), message, null);
    }

    public static P3Error of(P3ErrorType type, String message, String developerMessage) {
        return new P3Error(Objects.requireNonNull(type, "type").code(), message, developerMessage);
    }

    /** The type as a Tillgate error type, if it is one. */
    public Optional<P3ErrorType> knownType() {
        return P3ErrorType.lookup(type);
    }
}
