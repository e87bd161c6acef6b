package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** ReversalRequest/@ReversalReason. */
public enum ReversalReason {
    CUST_CANCEL("CustCancel"),
    MERCHANT_CANCEL("MerchantCancel"),
    MALFUNCTION("Malfunction"),
    UNABLE2_COMPL("Unable2Compl");

    private final String code;

    ReversalReason(String code) {
        this.code = code;
    }

    /** The value as written in XML. */
    @JsonValue
    public String code() {
        return code;
    }

    /** Reads the XML value, naming it when it is not one of ours. */
    @JsonCreator
    public static ReversalReason fromCode(String code) {
        for (ReversalReason value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown ReversalReason '" + NexoText.clip(code) + "'");
    }
}
