package io.tillgate.p3.codec;

import java.util.Optional;

/**
 * The error types a Tillgate server emits (project decision, docs/protocols/p3.md §5.5). {@link P3Error#type()}
 * stays a string because a client must accept whatever a real PayServer sends.
 */
public enum P3ErrorType {
    /** A required field is absent. */
    PARAMETER_MISSING,
    /** Bad value, wrong JSON type, unknown message type, amount not representable in minor units. */
    PARAMETER_INVALID,
    /** {@code resource} names no device of this merchant. */
    ACCESSORY_NOT_FOUND,
    /** Wrong credentials, or a request other than login before login. */
    SERVER_AUTHENTICATION_FAILED,
    /** The device already runs a transaction. */
    TRANSACTION_BUSY,
    /** Abort after an update with {@code abortable:false}. */
    TRANSACTION_NO_LONGER_ABORTABLE,
    /** AMEND / QUERY reference unknown. */
    TRANSACTION_REFERENCE_NOT_FOUND,
    /** SUBMIT_SIGNATURE with no pending action or an invalid signature. */
    TRANSACTION_ACTION_ERROR,
    /** Unexpected server fault. */
    INTERNAL_INCONSISTENCY;

    public String code() {
        return name();
    }

    /** Exact lookup of a wire code; empty for codes Tillgate does not emit. */
    public static Optional<P3ErrorType> lookup(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (P3ErrorType type : values()) {
            if (type.name().equals(code)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
