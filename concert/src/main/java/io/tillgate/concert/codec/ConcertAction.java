package io.tillgate.concert.codec;

import java.util.EnumSet;
import java.util.Set;

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

    private static final Set<ConcertTag> IDENTIFYING_TAGS = Set.copyOf(
            EnumSet.of(ConcertTag.CZ, ConcertTag.CJ, ConcertTag.CA, ConcertTag.CD));
    private static final Set<ConcertTag> MONEY_TAGS = Set.copyOf(
            EnumSet.of(ConcertTag.CZ, ConcertTag.CJ, ConcertTag.CA, ConcertTag.CD, ConcertTag.CB, ConcertTag.CE));

    private final String code;

    ConcertAction(String code) {
        this.code = code;
    }

    /**
     * The tags every request of this action carries (docs/protocols/concert.md §3): {@code CZ},
     * {@code CJ}, {@code CA} and {@code CD}, and {@code CB} with {@code CE} when it moves money.
     * {@link ConcertRequest#from} refuses a request without one of them; a terminal takes a request
     * that holds them all as complete without waiting for more bytes.
     */
    public Set<ConcertTag> requiredTags() {
        return movesMoney() ? MONEY_TAGS : IDENTIFYING_TAGS;
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
        ConcertAction action = code != null && code.length() == 1 ? lookup(code.charAt(0)) : null;
        if (action == null) {
            throw new ConcertDecodingException(ConcertDecodingException.Problem.UNKNOWN_ACTION, "CD", -1,
                    "CD: unknown action type '" + code + "'");
        }
        return action;
    }

    /** The action of a one-character {@code CD} value (a byte off the wire), or {@code null} when unknown. */
    public static ConcertAction lookup(int code) {
        return switch (code) {
            case '0' -> DEBIT;
            case '1' -> CREDIT;
            case '2' -> CANCELLATION;
            case '3' -> DUPLICATA;
            case 'B' -> TELECOLLECTION;
            case 'I' -> IDENTIFICATION;
            case 'P' -> PRINT;
            default -> null;
        };
    }
}
