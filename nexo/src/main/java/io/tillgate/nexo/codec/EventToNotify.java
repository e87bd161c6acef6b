package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** EventNotification/@EventToNotify. */
public enum EventToNotify {
    BEGIN_MAINTENANCE("BeginMaintenance"),
    END_MAINTENANCE("EndMaintenance"),
    SHUTDOWN("Shutdown"),
    INITIALISED("Initialised"),
    OUT_OF_ORDER("OutOfOrder"),
    COMPLETED("Completed"),
    ABORT("Abort"),
    SALE_WAKE_UP("SaleWakeUp"),
    SALE_ADMIN("SaleAdmin"),
    CUSTOMER_LANGUAGE("CustomerLanguage"),
    KEY_PRESSED("KeyPressed"),
    SECURITY_ALARM("SecurityAlarm"),
    STOP_ASSISTANCE("StopAssistance"),
    CARD_INSERTED("CardInserted"),
    CARD_REMOVED("CardRemoved"),
    REJECT("Reject");

    private final String code;

    EventToNotify(String code) {
        this.code = code;
    }

    /** The value as written in XML. */
    @JsonValue
    public String code() {
        return code;
    }

    /** Reads the XML value, naming it when it is not one of ours. */
    @JsonCreator
    public static EventToNotify fromCode(String code) {
        for (EventToNotify value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown EventToNotify '" + NexoText.clip(code) + "'");
    }
}
