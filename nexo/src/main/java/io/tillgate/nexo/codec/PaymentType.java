package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** PaymentData/@PaymentType and CardAcquisitionTransaction/@PaymentType. */
public enum PaymentType {
    NORMAL("Normal"),
    REFUND("Refund"),
    ONE_TIME_RESERVATION("OneTimeReservation"),
    FIRST_RESERVATION("FirstReservation"),
    UPDATE_RESERVATION("UpdateReservation"),
    COMPLETION("Completion"),
    CASH_ADVANCE("CashAdvance"),
    CASH_DEPOSIT("CashDeposit"),
    RECURRING("Recurring"),
    INSTALMENT("Instalment"),
    ISSUER_INSTALMENT("IssuerInstalment"),
    PAID_OUT("PaidOut");

    private final String code;

    PaymentType(String code) {
        this.code = code;
    }

    /** The value as written in XML. */
    @JsonValue
    public String code() {
        return code;
    }

    /** Reads the XML value, naming it when it is not one of ours. */
    @JsonCreator
    public static PaymentType fromCode(String code) {
        for (PaymentType value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown PaymentType '" + NexoText.clip(code) + "'");
    }
}
