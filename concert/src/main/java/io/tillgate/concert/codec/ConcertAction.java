package io.tillgate.concert.codec;

/** {@code CD}, the action type (docs/protocols/concert.md §4.1). */
public enum ConcertAction {
    DEBIT("0"),
    CREDIT("1"),
    CANCELLATION("2"),
    /** Reprint of the last ticket. */
    DUPLICATA("3"),
    /** Batch upload to the acquirer. */
    TELECOLLECTION("B"),
    /** Ping of the terminal; carries no amount. */
    IDENTIFICATION("I"),
    /** Print a buffer the POS sends in a {@code ZT}. */
    PRINT("P");

    private final String code;

    ConcertAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether the action moves money and so needs {@code CB} and {@code CE}. */
    public boolean movesMoney() {
        return this == DEBIT || this == CREDIT || this == CANCELLATION;
    }

    /**
     * @throws ConcertDecodingException ({@link ConcertDecodingException.Problem#UNKNOWN_ACTION}) naming the code
     */
    public static ConcertAction fromCode(String code) {
        if (code != null && code.length() == 1) {
            switch (code.charAt(0)) {
                case '0': return DEBIT;
                case '1': return CREDIT;
                case '2': return CANCELLATION;
                case '3': return DUPLICATA;
                case 'B': return TELECOLLECTION;
                case 'I': return IDENTIFICATION;
                case 'P': return PRINT;
                default: break;
            }
        }
        throw new ConcertDecodingException(ConcertDecodingException.Problem.UNKNOWN_ACTION, "CD", -1,
                "CD: unknown action type '" + code + "'");
    }
}
