package io.tillgate.ipp.codec;

/** The STATUS codes (docs/protocols/ipp.md §8). */
public enum IppStatus {
    OK(0),
    BUSY(1),
    SYNTAX_ERROR(2),
    UNSUPPORTED_PARAMETER(3),
    UNSUPPORTED_METHOD(4),
    NO_CARD_FOUND(5),
    UNSUPPORTED_CARD(6),
    CARD_CHIP_ERROR(7),
    FALLBACK_TO_MAGSTRIPE(8),
    INVALID_PIN(9),
    MAX_PIN_COUNT_EXCEEDED(10),
    PIN_CHECK_ONLINE(11),
    HOST_RECEIVE_ERROR(12),
    USER_CANCEL(13),
    INTERNAL_ERROR(14),
    COMMUNICATION_ERROR(15),
    SSL_ERROR(16),
    TRANSACTION_NOT_FOUND(17),
    REVERSAL_NOT_FOUND(18),
    INVALID_AMOUNT(19),
    LAST_TRANSACTION_NOT_COMPLETED(20),
    NO_PRINTER(21),
    NO_PAPER(22),
    INCORRECT_PRINT_DATA(23),
    INCORRECT_LOGO_INDEX(24),
    ACTIVATION_REQUIRED(25),
    MANDATORY_UPDATE(26),
    ALREADY_ACTIVATED(27),
    ACTIVATION_UNSUCCESSFUL(28),
    NO_UPDATES_FOUND(29),
    UPDATE_UNSUCCESSFUL(30),
    RELAY_NO_ANSWER(31),
    RELAY_AND_WAIT(32),
    DEACTIVATION_UNSUCCESSFUL(33),
    OPTIONAL_UPDATE(34),
    WRONG_ACTIVATION_CODE(35),
    DEACTIVATION_NOT_FINISHED(36),
    FINGERPRINT_NOT_FOUND(37),
    UNSUPPORTED_VERSION(38),
    WRONG_PREAUTH_CODE(39),
    PREAUTH_ALREADY_FINISHED(40),
    REMOTELY_ACTIVATED(41),
    INVALID_PAN(47),
    INVALID_EXPIRY_DATE(48),
    WRONG_PASSWORD(49),
    TRANSACTION_FORBIDDEN(50),
    PASSWORD_REQUIRED(51),
    CONTINUE_52(52),
    CONTINUE_53(53),
    CONTINUE_54(54),
    OK_WITH_INFO(100),
    CANCEL_TRANSACTION(101);

    private static final IppStatus[] BY_CODE = new IppStatus[102];

    static {
        for (IppStatus status : values()) {
            BY_CODE[status.code] = status;
        }
    }

    private final int code;

    IppStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** STATUS 0, 100 or 22: the transaction went through (§7); COMPLETE_TX may be due. */
    public boolean successful() {
        return this == OK || this == OK_WITH_INFO || this == NO_PAPER;
    }

    /** @throws IppDecodingException naming STATUS when the value is not a known code */
    public static IppStatus fromCode(int code) {
        IppStatus status = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (status == null) {
            throw new IppDecodingException(IppNames.STATUS, "unknown status " + code, IppStatus.SYNTAX_ERROR);
        }
        return status;
    }
}
