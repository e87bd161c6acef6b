package io.tillgate.concert.codec;

/**
 * The Concert V3 tag dictionary (docs/protocols/concert.md §3) with each tag's format rule.
 *
 * <p>Tags not listed here are still legal on the wire (terminals add their own); the decoder keeps
 * them as they are and checks only the generic TLV rules.
 */
public enum ConcertTag {
    /** Protocol version, e.g. {@code 0320}; the first item of every message. */
    CZ(4, 4, ValueFormat.DIGITS),
    /** AP-issued cash-register software id. */
    CJ(12, 12, ValueFormat.DIGITS),
    /** Cash-register number. */
    CA(2, 2, ValueFormat.DIGITS),
    /** Amount in minor units. */
    CB(2, 12, ValueFormat.DIGITS),
    /** Action type ({@link ConcertAction}). */
    CD(1, 1, ValueFormat.CODE),
    /** ISO 4217 numeric currency. */
    CE(3, 3, ValueFormat.DIGITS),
    /** Answer timing: 0 at end of transaction, 1 immediate acknowledgement. */
    BA(1, 1, ValueFormat.DIGITS),
    /** Force authorisation. */
    BB(1, 1, ValueFormat.DIGITS),
    /** Partial payment allowed. */
    BF(1, 1, ValueFormat.DIGITS),
    /** Shopper phone. */
    BH(8, 20, ValueFormat.TEXT),
    /** Shopper e-mail. */
    BI(6, 256, ValueFormat.TEXT),
    /** Application forced (request) or used (answer). */
    CC(3, 3, ValueFormat.CODE),
    /** Private data echoed back; 1..99 in the dictionary, but Viva sends longer JSON. */
    CF(1, 999, ValueFormat.TEXT),
    /** External transaction reference. */
    CH(1, 999, ValueFormat.TEXT),
    /** Ticket management ({@link TicketMode}). */
    CK(3, 3, ValueFormat.DIGITS),
    /** Card reading mode ({@link ReadingMode}). */
    CI(1, 1, ValueFormat.DIGITS),
    /** Merchant contract number. */
    CG(1, 10, ValueFormat.TEXT),
    /** Ticket container: {@code CK} + {@code AK}; the only repeatable tag. */
    ZT(1, 999, ValueFormat.CONSTRUCTED),
    /** PAN, masked, or a token. */
    AA(1, 64, ValueFormat.TEXT),
    /** Card expiry YYMM. */
    AB(4, 4, ValueFormat.DIGITS),
    /** Authorisation number. */
    AC(1, 10, ValueFormat.TEXT),
    /** Cheque CMC7 line. */
    AD(1, 999, ValueFormat.TEXT),
    /** Action status ({@link ActionStatus}). */
    AE(2, 2, ValueFormat.DIGITS),
    /** Status complement: a {@link StatusComplement} code, optionally followed by CB2A detail. */
    AF(2, 50, ValueFormat.TEXT),
    /** Cheque FNCI answer. */
    AG(1, 999, ValueFormat.TEXT),
    /** Cheque guarantee answer. */
    AH(1, 999, ValueFormat.TEXT),
    /** Card application id. */
    AI(1, 32, ValueFormat.TEXT),
    /** Ticket data, base64; only inside {@code ZT}. */
    AK(1, 900, ValueFormat.TEXT),
    /** PAN type. */
    AL(1, 1, ValueFormat.TEXT);

    /** What characters a value may hold. */
    public enum ValueFormat {
        /** ASCII digits only. */
        DIGITS,
        /** Digits and upper-case letters (action and application codes). */
        CODE,
        /** Any character the TLV format allows. */
        TEXT,
        /** A nested list of simple items. */
        CONSTRUCTED
    }

    private static final ConcertTag[] BY_TYPE = new ConcertTag[26 * 26];

    static {
        for (ConcertTag tag : values()) {
            String name = tag.name();
            BY_TYPE[index(name.charAt(0), name.charAt(1))] = tag;
        }
    }

    private final int minLength;
    private final int maxLength;
    private final ValueFormat format;
    /** Bytes a received value may hold, by unsigned byte: the TLV range and this tag's rule in one lookup. */
    private final boolean[] receivableBytes;
    /** Characters a written value may hold, by char below 0x80: the TLV range and this tag's rule. */
    private final boolean[] sendableChars;

    ConcertTag(int minLength, int maxLength, ValueFormat format) {
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.format = format;
        this.receivableBytes = TlvFormat.RECEIVABLE_BYTES.clone();
        this.sendableChars = TlvFormat.SENDABLE_CHARS.clone();
        for (int c = 0; c < receivableBytes.length; c++) {
            receivableBytes[c] &= allows(c);
        }
        for (int c = 0; c < sendableChars.length; c++) {
            sendableChars[c] &= allows(c);
        }
    }

    /** The two letters on the wire. */
    public String code() {
        return name();
    }

    public int minLength() {
        return minLength;
    }

    public int maxLength() {
        return maxLength;
    }

    public ValueFormat format() {
        return format;
    }

    /**
     * The tag with this two-letter code.
     *
     * @throws IllegalArgumentException naming the code when it is not in the dictionary
     */
    public static ConcertTag fromCode(String code) {
        ConcertTag tag = code != null && code.length() == 2 ? lookup(code.charAt(0), code.charAt(1)) : null;
        if (tag == null) {
            throw new IllegalArgumentException("unknown Concert tag '" + code + "'");
        }
        return tag;
    }

    /** The tag for two type characters (bytes off the wire), or {@code null} when they name no known tag. */
    public static ConcertTag lookup(int first, int second) {
        if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
            return null;
        }
        return BY_TYPE[index(first, second)];
    }

    /** Whether a type names a constructed item: every {@code Z*} type is one. */
    static boolean isConstructed(int first) {
        return first == 'Z';
    }

    static int index(int first, int second) {
        return (first - 'A') * 26 + (second - 'A');
    }

    /** Why a value of this length breaks the tag's rule, or {@code null} when the length is fine. */
    String lengthViolation(int length) {
        // The text is built in its own method so this check stays small enough to inline.
        return length >= minLength && length <= maxLength ? null : describeLength(length);
    }

    private String describeLength(int length) {
        return minLength == maxLength ? "length " + length + ", expected " + minLength
                : "length " + length + " outside " + minLength + ".." + maxLength;
    }

    /**
     * Which bytes a received value of this tag may hold, by unsigned byte: {@link TlvFormat#isReceivable}
     * and {@link #allows} in one lookup, as the decoder checks every byte. Shared; never written to.
     */
    boolean[] receivableBytes() {
        return receivableBytes;
    }

    /** Which characters (below 0x80) a written value of this tag may hold; shared, never written to. */
    boolean[] sendableChars() {
        return sendableChars;
    }

    /** Whether values are limited to fewer characters than the TLV format allows. */
    boolean restrictsCharacters() {
        return format == ValueFormat.DIGITS || format == ValueFormat.CODE;
    }

    /** Whether the tag's format allows this character (the TLV's own range is checked apart). */
    boolean allows(int c) {
        return switch (format) {
            case DIGITS -> c >= '0' && c <= '9';
            case CODE -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
            case TEXT, CONSTRUCTED -> true;
        };
    }

    /** Why a character the format does not allow breaks the rule. */
    String characterViolation(int position) {
        return format == ValueFormat.DIGITS ? "non-digit at value position " + position
                : "character other than 0-9/A-Z at value position " + position;
    }

    /** Whether {@code value} obeys this tag's length and character rule; {@code null} if so, else why not. */
    String violation(CharSequence value) {
        String length = lengthViolation(value.length());
        if (length != null) {
            return length;
        }
        for (int i = 0, n = value.length(); i < n; i++) {
            if (!allows(value.charAt(i))) {
                return characterViolation(i);
            }
        }
        return null;
    }
}
