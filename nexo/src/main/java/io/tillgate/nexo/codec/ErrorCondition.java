package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The ErrorCondition attribute of a failed Response (docs/protocols/nexo.md §5.1). */
public enum ErrorCondition {
    ABORTED("Aborted"),
    BUSY("Busy"),
    CANCEL("Cancel"),
    DEVICE_OUT("DeviceOut"),
    INSERTED_CARD("InsertedCard"),
    IN_PROGRESS("InProgress"),
    LOGGED_OUT("LoggedOut"),
    MESSAGE_FORMAT("MessageFormat"),
    NOT_ALLOWED("NotAllowed"),
    NOT_FOUND("NotFound"),
    PAYMENT_RESTRICTION("PaymentRestriction"),
    REFUSAL("Refusal"),
    UNAVAILABLE_DEVICE("UnavailableDevice"),
    UNAVAILABLE_SERVICE("UnavailableService"),
    INVALID_CARD("InvalidCard"),
    UNREACHABLE_HOST("UnreachableHost"),
    WRONG_PIN("WrongPIN");

    private final String code;

    ErrorCondition(String code) {
        this.code = code;
    }

    /** The value as written in XML. */
    @JsonValue
    public String code() {
        return code;
    }

    /** Reads the XML value, naming it when it is not one of ours. */
    @JsonCreator
    public static ErrorCondition fromCode(String code) {
        for (ErrorCondition value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown ErrorCondition '" + NexoText.clip(code) + "'");
    }
}
