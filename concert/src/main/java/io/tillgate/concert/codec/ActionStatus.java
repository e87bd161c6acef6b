package io.tillgate.concert.codec;

/** {@code AE}, the action status (docs/protocols/concert.md §4.2). */
public enum ActionStatus {
    /** {@code 10}: operation performed. */
    PERFORMED("10"),
    /** {@code 01}: operation not performed; the reason is in {@code AF}. */
    NOT_PERFORMED("01"),
    /** {@code 11}: an immediate ({@code BA=1}) request was taken into account. */
    ACKNOWLEDGED("11");

    private final String code;

    ActionStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * @throws ConcertDecodingException naming the code when it is none of 10, 01, 11
     */
    public static ActionStatus fromCode(String code) {
        if ("10".equals(code)) {
            return PERFORMED;
        }
        if ("01".equals(code)) {
            return NOT_PERFORMED;
        }
        if ("11".equals(code)) {
            return ACKNOWLEDGED;
        }
        throw ConcertDecodingException.invalid("AE", "unknown action status '" + code + "'");
    }
}
