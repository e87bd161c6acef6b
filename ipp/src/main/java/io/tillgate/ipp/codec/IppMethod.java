package io.tillgate.ipp.codec;

import java.util.HashMap;
import java.util.Map;

/** The METHOD values of IPP (docs/protocols/ipp.md §5), including the terminal-initiated ones. */
public enum IppMethod {
    PURCHASE("PURCHASE", true),
    REFUND("REFUND", true),
    REVERSAL("REVERSAL", true),
    COMPLETE_TX("COMPLETE_TX", false),
    CANCEL_TX("CANCEL_TX", false),
    COMPLETE_PREAUTH("COMPLETE_PREAUTH", false),
    CANCEL_PREAUTH("CANCEL_PREAUTH", false),
    GET_STATUS("GET_STATUS", false),
    GET_CERTIFICATE("GET_CERTIFICATE", false),
    PRINT_EXT("PRINT_EXT", false),
    REPRINT_RECEIPT("REPRINT_RECEIPT", false),
    VENDING_PURCHASE("VENDING_PURCHASE", false),
    CASH_ADVANCE("CASH_ADVANCE", true),
    ORIGINAL_CREDIT("ORIGINAL_CREDIT", true),
    TWINT_PURCHASE("TWINT_PURCHASE", false),
    GIFTCARD_ACTIVATION("GIFTCARD_ACTIVATION", true),
    GIFTCARD_DEACTIVATION("GIFTCARD_DEACTIVATION", true),
    GIFTCARD_CHECK_BALANCE("GIFTCARD_CHECK_BALANCE", true),
    PING("PING", false),
    REBOOT("REBOOT", false),
    SEND_LOG("SEND_LOG", false),
    OPEN_SETTINGS("OPEN_SETTINGS", false),
    CLEAR_BATCH("CLEAR_BATCH", false),
    ACTIVATE("ACTIVATE", false),
    DEACTIVATE("DEACTIVATE", false),
    UPDATE("UPDATE", false),
    BEEP("BEEP", false),
    DISPLAY_TEXT("DISPLAY_TEXT", false),
    PAYMENT_REQUEST("PAYMENT_REQUEST", false),
    CHECK_CARD("CHECK_CARD", false),
    CHECK_TRANSACTION("CHECK_TRANSACTION", false),
    CHECK_FOR_PASSWORD("CHECK_FOR_PASSWORD", false),
    GET_TRN_DATA("GET_TRN_DATA", false),
    INIT("INIT", false),
    END_INIT("END INIT", false),
    PROCESS("PROCESS", false);

    private static final Map<String, IppMethod> BY_CODE = new HashMap<>();

    static {
        for (IppMethod method : values()) {
            BY_CODE.put(method.code, method);
        }
    }

    private final String code;
    private final boolean needsCompletion;

    IppMethod(String code, boolean needsCompletion) {
        this.code = code;
        this.needsCompletion = needsCompletion;
    }

    /** The value as written on the wire. */
    public String code() {
        return code;
    }

    /** Whether an approved STAGE 5 of this method must be confirmed with COMPLETE_TX (§7). */
    public boolean needsCompletion() {
        return needsCompletion;
    }

    /** @throws IppDecodingException naming METHOD when the value is not an IPP method */
    public static IppMethod fromCode(String code) {
        IppMethod method = BY_CODE.get(code);
        if (method == null) {
            throw new IppDecodingException(IppNames.METHOD, "unknown method '" + code + "'",
                    IppStatus.UNSUPPORTED_METHOD);
        }
        return method;
    }
}
