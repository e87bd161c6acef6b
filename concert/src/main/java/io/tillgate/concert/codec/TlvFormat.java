package io.tillgate.concert.codec;

/**
 * The generic TLV layout (docs/protocols/concert.md §2): constants shared by the decoder, the encoder and
 * the framer.
 */
public final class TlvFormat {

    /** Two type letters and three length digits. */
    public static final int HEADER_LENGTH = 5;
    /** Three decimal digits. */
    public static final int MAX_VALUE_LENGTH = 999;

    /** {@link #isReceivable} as a table by unsigned byte, for loops over every value byte. */
    static final boolean[] RECEIVABLE_BYTES = new boolean[256];
    /** {@link #isSendable} as a table by char; characters from 0x80 up are never sendable. */
    static final boolean[] SENDABLE_CHARS = new boolean[128];

    static {
        for (int c = 0; c < RECEIVABLE_BYTES.length; c++) {
            RECEIVABLE_BYTES[c] = isReceivable(c);
        }
        for (int c = 0; c < SENDABLE_CHARS.length; c++) {
            SENDABLE_CHARS[c] = isSendable(c);
        }
    }

    private TlvFormat() {
    }

    /** Whether a byte may start or continue a type. */
    public static boolean isTypeLetter(int b) {
        return b >= 'A' && b <= 'Z';
    }

    /** The value length in a header's three digit bytes, or -1 when one is not a digit. */
    public static int length(int d1, int d2, int d3) {
        if (!isDigit(d1) || !isDigit(d2) || !isDigit(d3)) {
            return -1;
        }
        return (d1 - '0') * 100 + (d2 - '0') * 10 + (d3 - '0');
    }

    static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    /** Bytes a receiver accepts in a value: 0x20..0x7F (senders stay within 0x20..0x7E). */
    static boolean isReceivable(int b) {
        return b >= 0x20 && b <= 0x7F;
    }

    static boolean isSendable(int c) {
        return c >= 0x20 && c <= 0x7E;
    }
}
