package io.tillgate.concert.codec;

import io.tillgate.core.payment.EntryMode;

/** {@code CI}, how the card was read (docs/protocols/concert.md §4.3). */
public enum ReadingMode {
    INDIFFERENT("0", EntryMode.UNKNOWN),
    CONTACT_CHIP("1", EntryMode.CHIP),
    CONTACTLESS("2", EntryMode.CONTACTLESS),
    MAGNETIC_STRIPE("3", EntryMode.MAGSTRIPE),
    MANUAL("4", EntryMode.MANUAL);

    private static final ReadingMode[] BY_DIGIT = values();

    private final String code;
    private final EntryMode entryMode;

    ReadingMode(String code, EntryMode entryMode) {
        this.code = code;
        this.entryMode = entryMode;
    }

    public String code() {
        return code;
    }

    public EntryMode entryMode() {
        return entryMode;
    }

    /** The reading mode Concert reports for a Tillgate entry mode. */
    public static ReadingMode of(EntryMode mode) {
        return switch (mode) {
            case CHIP -> CONTACT_CHIP;
            case CONTACTLESS -> CONTACTLESS;
            case MAGSTRIPE -> MAGNETIC_STRIPE;
            case MANUAL -> MANUAL;
            case UNKNOWN -> INDIFFERENT;
        };
    }

    /**
     * @throws ConcertDecodingException naming the code when it is not 0..4
     */
    public static ReadingMode fromCode(String code) {
        if (code != null && code.length() == 1 && code.charAt(0) >= '0' && code.charAt(0) <= '4') {
            return BY_DIGIT[code.charAt(0) - '0'];
        }
        throw ConcertDecodingException.invalid("CI", "unknown card reading mode '" + code + "'");
    }
}
