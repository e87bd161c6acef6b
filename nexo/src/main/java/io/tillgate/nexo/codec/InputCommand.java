package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** InputData/@InputCommand and Input/@InputCommand. */
public enum InputCommand {
    GET_ANY_KEY("GetAnyKey"),
    GET_CONFIRMATION("GetConfirmation"),
    SITE_MANAGER("SiteManager"),
    TEXT_STRING("TextString"),
    DIGIT_STRING("DigitString"),
    DECIMAL_STRING("DecimalString"),
    GET_FUNCTION_KEY("GetFunctionKey"),
    GET_MENU_ENTRY("GetMenuEntry"),
    PASSWORD("Password");

    private final String code;

    InputCommand(String code) {
        this.code = code;
    }

    /** The value as written in XML. */
    @JsonValue
    public String code() {
        return code;
    }

    /** Reads the XML value, naming it when it is not one of ours. */
    @JsonCreator
    public static InputCommand fromCode(String code) {
        for (InputCommand value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown InputCommand '" + NexoText.clip(code) + "'");
    }
}
