package io.tillgate.ipp.codec;

/** The STAGE values (docs/protocols/ipp.md §4). */
public enum IppStage {
    CHECK_REQUEST(1),
    CARD_HANDLING(2),
    PIN_HANDLING(3),
    HOST_RELAY(4),
    OUTCOME(5),
    PRESENT_CARD(11),
    DCC_OFFER(12),
    ENTER_PIN(13),
    DCC_CHOICE(14),
    INTERACTION(100),
    CANCEL(101);

    private static final IppStage[] BY_CODE = new IppStage[102];

    static {
        for (IppStage stage : values()) {
            BY_CODE[stage.code] = stage;
        }
    }

    private final int code;

    IppStage(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @throws IppDecodingException naming STAGE when the value is not a known stage */
    public static IppStage fromCode(int code) {
        IppStage stage = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (stage == null) {
            throw new IppDecodingException(IppNames.STAGE, "unknown stage " + code, IppStatus.SYNTAX_ERROR);
        }
        return stage;
    }
}
