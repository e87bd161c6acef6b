package io.tillgate.p3.client;

import java.util.Locale;

/**
 * The {@code error.type} of an ERROR response (docs/protocols/p3.md §5.5): the types a Tillgate
 * server sends, and {@link #UNRECOGNISED} for the many others a PayServer may send
 * ({@code ACCESSORY_BUSY}, {@code SERVER_TIMEOUT}, …), whose raw value
 * {@link P3ErrorException#rawType()} keeps.
 */
public enum ErrorType {
    /** A required field is absent. */
    PARAMETER_MISSING,
    /** A bad value, an amount that is not whole minor units, a conflicting reference. */
    PARAMETER_INVALID,
    /** The device is not one of this merchant's. */
    ACCESSORY_NOT_FOUND,
    /** Wrong credentials, a throttled login, or a request before login. */
    SERVER_AUTHENTICATION_FAILED,
    /** The device already runs a transaction. */
    TRANSACTION_BUSY,
    /** Abort after an update that said it was no longer abortable. */
    TRANSACTION_NO_LONGER_ABORTABLE,
    /** Refund, capture or query of a transaction the server does not know. */
    TRANSACTION_REFERENCE_NOT_FOUND,
    /** A signature with nothing pending, or not a PNG. */
    TRANSACTION_ACTION_ERROR,
    /** The terminal failed, or the server did. */
    INTERNAL_INCONSISTENCY,
    /** A type this client does not know. */
    UNRECOGNISED;

    /** The type of a wire value, ignoring case; {@link #UNRECOGNISED} for anything else. */
    public static ErrorType of(String type) {
        if (type == null) {
            return UNRECOGNISED;
        }
        String name = type.toUpperCase(Locale.ROOT);
        for (ErrorType value : values()) {
            if (value != UNRECOGNISED && value.name().equals(name)) {
                return value;
            }
        }
        return UNRECOGNISED;
    }
}
