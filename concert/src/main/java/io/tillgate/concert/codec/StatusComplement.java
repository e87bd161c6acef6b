package io.tillgate.concert.codec;

/**
 * {@code AF}, why an action was not performed (docs/protocols/concert.md §4.2). Only the first two characters are
 * the code; CB2A detail may follow.
 */
public enum StatusComplement {
    UNKNOWN("00"),
    AUTHORISED("01"),
    PHONE_REFERRAL("02"),
    FORCING("03"),
    REFUSED("04"),
    FORBIDDEN("05"),
    CARDHOLDER_ABANDON("06"),
    NOT_COMPLETED("07"),
    INPUT_TIMEOUT("08"),
    FORMAT_ERROR("09"),
    SELECTION_ERROR("10"),
    OPERATOR_ABANDON("11"),
    UNKNOWN_ACTION("12"),
    CURRENCY_NOT_SUPPORTED("13");

    private static final StatusComplement[] BY_NUMBER = values();

    private final String code;

    StatusComplement(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * Reads the code from the first two characters of an {@code AF} value.
     *
     * @throws ConcertDecodingException naming the code when it is not 00..13
     */
    public static StatusComplement fromCode(String af) {
        if (af != null && af.length() >= 2) {
            int number = TlvFormat.length('0', af.charAt(0), af.charAt(1));
            if (number >= 0 && number < BY_NUMBER.length) {
                return BY_NUMBER[number];
            }
        }
        throw ConcertDecodingException.invalid("AF", "unknown status complement '"
                + (af == null ? null : af.substring(0, Math.min(2, af.length()))) + "'");
    }
}
