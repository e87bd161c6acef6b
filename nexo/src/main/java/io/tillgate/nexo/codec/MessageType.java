package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The MessageHeader's MessageType. */
public enum MessageType {
    REQUEST("Request"),
    RESPONSE("Response"),
    NOTIFICATION("Notification");

    private final String code;

    MessageType(String code) {
        this.code = code;
    }

    /** The value as written in XML. */
    @JsonValue
    public String code() {
        return code;
    }

    /** Reads the XML value, naming it when it is not one of ours. */
    @JsonCreator
    public static MessageType fromCode(String code) {
        for (MessageType value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown MessageType '" + NexoText.clip(code) + "'");
    }
}
