package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The MessageHeader's MessageClass. */
public enum MessageClass {
    SERVICE("Service"),
    DEVICE("Device"),
    EVENT("Event");

    private final String code;

    MessageClass(String code) {
        this.code = code;
    }

    /** The value as written in XML. */
    @JsonValue
    public String code() {
        return code;
    }

    /** Reads the XML value, naming it when it is not one of ours. */
    @JsonCreator
    public static MessageClass fromCode(String code) {
        for (MessageClass value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown MessageClass '" + NexoText.clip(code) + "'");
    }
}
