package io.tillgate.concert.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes items straight into one byte array with the strict encoder's rules (see
 * {@link TlvEncoder}), so typed messages can be written without building item objects first.
 */
final class TlvWriter {

    private final byte[] out;
    private int pos;
    /** Known tags written so far, by ordinal. */
    private long knownSeen;
    private List<String> unknownSeen;

    /** @param length the exact number of bytes that will be written */
    TlvWriter(int length) {
        this.out = new byte[length];
    }

    /** Writes a simple item; {@code null} values are left out, as the protocol wants. */
    TlvWriter simple(ConcertTag tag, String value) {
        if (value != null) {
            first(tag.code());
            once(tag, tag.code());
            writeSimple(tag, tag.code(), value);
        }
        return this;
    }

    TlvWriter item(TlvItem item) {
        String type = item.type();
        checkType(type);
        first(type);
        ConcertTag tag = ConcertTag.lookup(type.charAt(0), type.charAt(1));
        if (tag != ConcertTag.ZT) {
            once(tag, type);
        }
        if (item instanceof TlvItem.Constructed constructed) {
            if (!ConcertTag.isConstructed(type.charAt(0))) {
                throw new IllegalArgumentException(type + " is not a constructed (Z*) type");
            }
            header(type, constructed.valueLength());
            for (TlvItem.Simple nested : constructed.items()) {
                checkType(nested.type());
                writeSimple(ConcertTag.lookup(nested.type().charAt(0), nested.type().charAt(1)), nested.type(),
                        nested.value());
            }
        } else {
            writeSimple(tag, type, ((TlvItem.Simple) item).value());
        }
        return this;
    }

    byte[] finish() {
        if (pos == 0) {
            throw new IllegalArgumentException("a message has at least the CZ item");
        }
        if (pos != out.length) {
            throw new IllegalStateException("wrote " + pos + " bytes, expected " + out.length);
        }
        return out;
    }

    /** Bytes a simple item of this value takes, 0 when the value is left out. */
    static int length(String value) {
        return value == null ? 0 : TlvFormat.HEADER_LENGTH + value.length();
    }

    private void first(String type) {
        if (pos == 0 && !type.equals("CZ")) {
            throw new IllegalArgumentException("the first item must be CZ, not " + type);
        }
    }

    private void once(ConcertTag tag, String type) {
        if (tag == null) {
            onceUnknown(type);
            return;
        }
        long bit = 1L << tag.ordinal();
        if ((knownSeen & bit) != 0) {
            throw repeated(type);
        }
        knownSeen |= bit;
    }

    /** Unknown types are rare, so a short list costs less than a set per message. */
    private void onceUnknown(String type) {
        if (unknownSeen == null) {
            unknownSeen = new ArrayList<>(2);
        } else if (unknownSeen.contains(type)) {
            throw repeated(type);
        }
        unknownSeen.add(type);
    }

    private static IllegalArgumentException repeated(String type) {
        return new IllegalArgumentException(type + " appears twice; only ZT may repeat");
    }

    // The per-item methods below keep their error text in separate cold methods: an answer writes
    // sixteen items in a row, and small bodies let the JIT inline every one of them.

    private void writeSimple(ConcertTag tag, String type, String value) {
        if (ConcertTag.isConstructed(type.charAt(0))) {
            throw new IllegalArgumentException(type + " is a constructed type but holds a simple value");
        }
        int length = value.length();
        String lengthViolation = tag == null ? null : tag.lengthViolation(length);
        if (lengthViolation != null) {
            throw new IllegalArgumentException(type + ": " + lengthViolation);
        }
        header(type, length);
        // One table lookup per character covers both the TLV range and the tag's own rule.
        boolean[] sendable = tag != null ? tag.sendableChars() : TlvFormat.SENDABLE_CHARS;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= sendable.length || !sendable[c]) {
                throw characterFault(tag, type, c, i);
            }
            out[pos + i] = (byte) c;
        }
        pos += length;
    }

    /** Names the character at {@code i} that the value may not hold: the tag's rule first, else the TLV range. */
    private static IllegalArgumentException characterFault(ConcertTag tag, String type, char c, int i) {
        if (tag != null && tag.restrictsCharacters() && !tag.allows(c)) {
            return new IllegalArgumentException(type + ": " + tag.characterViolation(i));
        }
        return new IllegalArgumentException(type + ": character U+" + Integer.toHexString(c | 0x10000)
                .substring(1).toUpperCase(Locale.ROOT) + " at value position " + i + " outside 0x20..0x7E");
    }

    private void header(String type, int length) {
        if (length < 1 || length > TlvFormat.MAX_VALUE_LENGTH) {
            throw lengthOutOfRange(type, length);
        }
        out[pos] = (byte) type.charAt(0);
        out[pos + 1] = (byte) type.charAt(1);
        out[pos + 2] = (byte) ('0' + length / 100);
        out[pos + 3] = (byte) ('0' + length / 10 % 10);
        out[pos + 4] = (byte) ('0' + length % 10);
        pos += TlvFormat.HEADER_LENGTH;
    }

    private static IllegalArgumentException lengthOutOfRange(String type, int length) {
        return new IllegalArgumentException(type + ": length " + length + " outside 1.." + TlvFormat.MAX_VALUE_LENGTH);
    }

    private static void checkType(String type) {
        if (type.length() != 2 || !TlvFormat.isTypeLetter(type.charAt(0)) || !TlvFormat.isTypeLetter(type.charAt(1))) {
            throw new IllegalArgumentException("type '" + type + "' is not two letters A-Z");
        }
    }
}
