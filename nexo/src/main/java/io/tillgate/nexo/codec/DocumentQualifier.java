package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which printed document a receipt or print is. */
public enum DocumentQualifier {
    SALE_RECEIPT("SaleReceipt"),
    CASHIER_RECEIPT("CashierReceipt"),
    CUSTOMER_RECEIPT("CustomerReceipt"),
    DOCUMENT("Document"),
    VOUCHER("Voucher"),
    JOURNAL("Journal");

    private final String code;

    DocumentQualifier(String code) {
        this.code = code;
    }

    /** The value as written in XML. */
    @JsonValue
    public String code() {
        return code;
    }

    /** Reads the XML value, naming it when it is not one of ours. */
    @JsonCreator
    public static DocumentQualifier fromCode(String code) {
        for (DocumentQualifier value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown DocumentQualifier '" + NexoText.clip(code) + "'");
    }
}
