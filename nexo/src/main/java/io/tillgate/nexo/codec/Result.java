package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The Result attribute of a Response. */
public enum Result {
    SUCCESS("Success"),
    FAILURE("Failure"),
    PARTIAL("Partial");

    private final String code;

    Result(String code) {
        this.code = code;
    }

    /** The value as written in XML. */
    @JsonValue
    public String code() {
        return code;
    }

    /** Reads the XML value, naming it when it is not one of ours. */
    @JsonCreator
    public static Result fromCode(String code) {
        for (Result value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown Result '" + NexoText.clip(code) + "'");
    }
}
