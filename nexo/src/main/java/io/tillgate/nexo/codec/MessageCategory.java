package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The MessageHeader's MessageCategory (docs/protocols/nexo.md §2). */
public enum MessageCategory {
    ABORT("Abort"),
    ADMIN("Admin"),
    BALANCE_INQUIRY("BalanceInquiry"),
    BATCH("Batch"),
    CARD_ACQUISITION("CardAcquisition"),
    CARD_READER_APDU("CardReaderAPDU"),
    CARD_READER_INIT("CardReaderInit"),
    CARD_READER_POWER_OFF("CardReaderPowerOff"),
    DIAGNOSIS("Diagnosis"),
    DISPLAY("Display"),
    ENABLE_SERVICE("EnableService"),
    EVENT("Event"),
    GET_TOTALS("GetTotals"),
    INPUT("Input"),
    INPUT_UPDATE("InputUpdate"),
    LOGIN("Login"),
    LOGOUT("Logout"),
    LOYALTY("Loyalty"),
    PAYMENT("Payment"),
    PIN("PIN"),
    PRINT("Print"),
    RECONCILIATION("Reconciliation"),
    REVERSAL("Reversal"),
    SOUND("Sound"),
    STORED_VALUE("StoredValue"),
    TRANSACTION_STATUS("TransactionStatus"),
    TRANSMIT("Transmit");

    private final String code;

    MessageCategory(String code) {
        this.code = code;
    }

    /** The value as written in XML. */
    @JsonValue
    public String code() {
        return code;
    }

    /** Reads the XML value, naming it when it is not one of ours. */
    @JsonCreator
    public static MessageCategory fromCode(String code) {
        for (MessageCategory value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown MessageCategory '" + NexoText.clip(code) + "'");
    }
}
