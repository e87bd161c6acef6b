package io.tillgate.concert.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one Concert message (docs/protocols/concert.md §2) from bytes, tolerantly: items after {@code CZ} may come
 * in any order, and tags this dictionary does not know are kept. What it refuses it names precisely
 * with a {@link ConcertDecodingException}: a first item other than {@code CZ}, a non-digit length,
 * a truncated value, a character outside 0x20..0x7F, a known tag whose value breaks its rule, a
 * repeated tag other than {@code ZT}, a constructed item inside a constructed item.
 *
 * <p>Byte-level and allocation-light: one string per value (one-character values share a constant),
 * known types share their constant.
 */
public final class TlvDecoder {

    /**
     * One-character values (flags and codes such as BA, CD, CI, AL) are frequent in every answer:
     * they share one string per ASCII character instead of a new one per item.
     */
    private static final String[] ONE_CHARACTER = new String[128];

    static {
        for (char c = 0; c < ONE_CHARACTER.length; c++) {
            ONE_CHARACTER[c] = String.valueOf(c);
        }
    }

    private TlvDecoder() {
    }

    public static TlvMessage decode(byte[] frame) {
        return decode(frame, 0, frame.length);
    }

    /**
     * @param bytes holds the frame
     * @param offset where the frame starts
     * @param length the frame's length; the frame must end exactly after its last item
     */
    public static TlvMessage decode(byte[] bytes, int offset, int length) {
        ItemList items = new ItemList();
        read(bytes, offset, length, items);
        return new TlvMessage(items.items);
    }

    /** Receives the items of a frame in order, as they are read and checked. */
    interface Sink {
        /** A simple item; {@code tag} is {@code null} for a type the dictionary does not know. */
        void simple(ConcertTag tag, String type, String value);

        void constructed(TlvItem.Constructed item);
    }

    /** Reads a frame item by item into {@code sink}, with every check {@link #decode} makes. */
    static void read(byte[] bytes, int offset, int length, Sink sink) {
        if (length == 0) {
            throw ConcertDecodingException.malformed(null, 0, "empty message");
        }
        int end = offset + length;
        long knownSeen = 0;
        List<String> unknownSeen = null;
        int pos = offset;
        while (pos < end) {
            int at = pos - offset;
            requireHeader(bytes, pos, end, at);
            int first = bytes[pos];
            int second = bytes[pos + 1];
            ConcertTag known = ConcertTag.lookup(first, second);
            String type = known != null ? known.code() : unknownType(bytes, pos, first, second, at);
            int valueLength = valueLength(bytes, pos, type, at);
            int valueStart = pos + TlvFormat.HEADER_LENGTH;
            if (valueLength > end - valueStart) {
                throw truncated(type, at, valueLength, end - valueStart);
            }
            if (at == 0 && known != ConcertTag.CZ) {
                throw ConcertDecodingException.malformed(type, at, "the first item must be CZ");
            }
            if (known != null) {
                if (known != ConcertTag.ZT && (knownSeen & (1L << known.ordinal())) != 0) {
                    throw repeated(type, at);
                }
                knownSeen |= 1L << known.ordinal();
            } else {
                unknownSeen = seenUnknown(unknownSeen, type, at);
            }
            if (ConcertTag.isConstructed(first)) {
                sink.constructed(new TlvItem.Constructed(type, nested(bytes, valueStart, valueLength, offset, type)));
            } else {
                sink.simple(known, type, value(bytes, valueStart, valueLength, offset, type, known));
            }
            pos = valueStart + valueLength;
        }
    }

    // Rare paths live in their own methods: it keeps read() small enough for the JIT to inline
    // into the typed decoders, which then need no heap object for their field collector.

    /**
     * Records an unknown type, refusing a repeat. Unknown types are rare, so a short list costs
     * less than a set per message.
     */
    private static List<String> seenUnknown(List<String> seen, String type, int at) {
        List<String> list = seen != null ? seen : new ArrayList<>(2);
        if (list.contains(type)) {
            throw repeated(type, at);
        }
        list.add(type);
        return list;
    }

    private static ConcertDecodingException repeated(String type, int at) {
        return ConcertDecodingException.malformed(type, at, "tag repeated; only ZT may be");
    }

    private static ConcertDecodingException truncated(String type, int at, int valueLength, int left) {
        return ConcertDecodingException.malformed(type, at, "value of " + valueLength + " bytes truncated after "
                + left);
    }

    /** Collects the items for a {@link TlvMessage}. */
    private static final class ItemList implements Sink {
        final List<TlvItem> items = new ArrayList<>(24);

        @Override
        public void simple(ConcertTag tag, String type, String value) {
            items.add(new TlvItem.Simple(type, value));
        }

        @Override
        public void constructed(TlvItem.Constructed item) {
            items.add(item);
        }
    }

    private static List<TlvItem.Simple> nested(byte[] bytes, int start, int length, int frameOffset, String outer) {
        List<TlvItem.Simple> items = new ArrayList<>(2);
        int end = start + length;
        int pos = start;
        while (pos < end) {
            int at = pos - frameOffset;
            requireHeader(bytes, pos, end, at);
            int first = bytes[pos];
            ConcertTag known = ConcertTag.lookup(first, bytes[pos + 1]);
            String type = known != null ? known.code() : unknownType(bytes, pos, first, bytes[pos + 1], at);
            if (ConcertTag.isConstructed(first)) {
                throw ConcertDecodingException.malformed(type, at, "constructed item inside " + outer);
            }
            int valueLength = valueLength(bytes, pos, type, at);
            int valueStart = pos + TlvFormat.HEADER_LENGTH;
            if (valueLength > end - valueStart) {
                throw ConcertDecodingException.malformed(type, at, "value of " + valueLength
                        + " bytes overruns " + outer + " by " + (valueLength - (end - valueStart)));
            }
            items.add(new TlvItem.Simple(type, value(bytes, valueStart, valueLength, frameOffset, type, known)));
            pos = valueStart + valueLength;
        }
        return items;
    }

    private static void requireHeader(byte[] bytes, int pos, int end, int at) {
        if (end - pos < TlvFormat.HEADER_LENGTH) {
            throw ConcertDecodingException.malformed(null, at, "item header truncated after " + (end - pos)
                    + " of " + TlvFormat.HEADER_LENGTH + " bytes");
        }
    }

    private static String unknownType(byte[] bytes, int pos, int first, int second, int at) {
        if (!TlvFormat.isTypeLetter(first) || !TlvFormat.isTypeLetter(second)) {
            throw ConcertDecodingException.malformed(null, at, "type bytes 0x" + hex(first) + " 0x" + hex(second)
                    + " are not two letters A-Z");
        }
        return new String(bytes, pos, 2, StandardCharsets.US_ASCII);
    }

    private static int valueLength(byte[] bytes, int pos, String type, int at) {
        int length = TlvFormat.length(bytes[pos + 2], bytes[pos + 3], bytes[pos + 4]);
        if (length < 0) {
            throw ConcertDecodingException.malformed(type, at, "length is not three digits");
        }
        if (length == 0) {
            throw ConcertDecodingException.malformed(type, at, "length 000; an empty tag is left out");
        }
        return length;
    }

    private static String value(byte[] bytes, int start, int length, int frameOffset, String type, ConcertTag tag) {
        if (tag != null) {
            String violation = tag.lengthViolation(length);
            if (violation != null) {
                throw ConcertDecodingException.malformed(type, start - TlvFormat.HEADER_LENGTH - frameOffset,
                        violation);
            }
        }
        // One table lookup per byte covers both the TLV range and the tag's own rule.
        boolean[] receivable = tag != null ? tag.receivableBytes() : TlvFormat.RECEIVABLE_BYTES;
        for (int i = start, end = start + length; i < end; i++) {
            if (!receivable[bytes[i] & 0xFF]) {
                throw characterFault(bytes, start, i, frameOffset, type, tag);
            }
        }
        return text(bytes, start, length);
    }

    /** Names the first byte at {@code i} that the value may not hold: outside the TLV range first, else the tag's rule. */
    private static ConcertDecodingException characterFault(byte[] bytes, int start, int i, int frameOffset,
            String type, ConcertTag tag) {
        byte b = bytes[i];
        if (!TlvFormat.isReceivable(b)) {
            return ConcertDecodingException.malformed(type, i - frameOffset,
                    "value byte 0x" + hex(b) + " outside 0x20..0x7F");
        }
        return ConcertDecodingException.malformed(type, start - TlvFormat.HEADER_LENGTH - frameOffset,
                tag.characterViolation(i - start));
    }

    /** The value as a string; its bytes are already checked to be ASCII (0x20..0x7F). */
    private static String text(byte[] bytes, int start, int length) {
        if (length == 1) {
            return ONE_CHARACTER[bytes[start]];
        }
        @SuppressWarnings("deprecation") // ASCII bytes: the hibyte constructor is the cheapest exact copy
        String value = new String(bytes, 0, start, length);
        return value;
    }

    private static String hex(int b) {
        return Integer.toHexString((b & 0xFF) | 0x100).substring(1).toUpperCase(Locale.ROOT);
    }
}
