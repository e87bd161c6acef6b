package io.tillgate.ipp.codec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Whole IPP frames ⇄ messages (docs/protocols/ipp.md §1), header included. Pure: no I/O, no shared state.
 *
 * <pre>
 *  0      1      2 ...
 * +------+------+=====================================================================+
 * | total length | PROTOCOL=IPP\r\n  NAME=VALUE\r\n ...  [DATA=&lt;prefix&gt;&lt;bytes&gt;\r\n] |
 * | uint16 BE, the 2 header bytes included                                            |
 * +------+------+=====================================================================+
 * </pre>
 *
 * <p>{@code PROTOCOL=IPP} must come first and DATA, when present, last; every other order is
 * accepted and kept, so decoding then encoding gives back the same bytes. Binary values are read by
 * their layout ({@link IppValueLayout}): DATA and CERT by their length prefix, which counts itself
 * from the terminal ({@link #decodeResponse}) and not towards it ({@link #decodeRequest}).
 */
public final class IppCodec {

    /** The largest frame the 2-byte header can describe. */
    public static final int MAX_FRAME_LENGTH = 0xFFFF;
    public static final int HEADER_LENGTH = 2;

    private static final byte[] PROTOCOL_LINE = "PROTOCOL=IPP\r\n".getBytes(StandardCharsets.US_ASCII);
    /** The 14 bytes of {@link #PROTOCOL_LINE} as two overlapping words, compared in two loads. */
    private static final long PROTOCOL_HEAD = ByteScan.word(PROTOCOL_LINE, 0);
    private static final long PROTOCOL_TAIL = ByteScan.word(PROTOCOL_LINE, PROTOCOL_LINE.length - Long.BYTES);
    private static final int FINGERPRINT_LENGTH = 20;
    private static final int CHAIN_ENTRY_LENGTH = 21;
    /** The bytes a property name may hold: one table load per byte instead of a chain of comparisons. */
    private static final boolean[] NAME_BYTES = new boolean[256];

    static {
        for (int b = 'A'; b <= 'Z'; b++) {
            NAME_BYTES[b] = true;
        }
        for (int b = '0'; b <= '9'; b++) {
            NAME_BYTES[b] = true;
        }
        NAME_BYTES['_'] = true;
    }

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private IppCodec() {
    }

    /** Decodes a frame the terminal received; DATA's prefix counts the payload only. */
    public static IppRequest decodeRequest(byte[] frame, int offset, int length) {
        return new IppRequest(decodeProperties(frame, offset, length, false));
    }

    public static IppRequest decodeRequest(byte[] frame) {
        return decodeRequest(frame, 0, frame.length);
    }

    /** Decodes a frame the terminal sent; DATA's and CERT's prefixes count themselves. */
    public static IppResponse decodeResponse(byte[] frame, int offset, int length) {
        return new IppResponse(decodeProperties(frame, offset, length, true));
    }

    public static IppResponse decodeResponse(byte[] frame) {
        return decodeResponse(frame, 0, frame.length);
    }

    /** Decodes a frame of either direction, as the terminal ({@code fromTerminal} false) or caller reads it. */
    public static IppMessage decode(byte[] frame, boolean fromTerminal) {
        return fromTerminal ? decodeResponse(frame) : decodeRequest(frame);
    }

    /** Encodes a whole frame, header included. */
    public static byte[] encode(IppMessage message) {
        IppProperties properties = message.properties();
        boolean fromTerminal = message instanceof IppResponse;
        byte[] frame = properties.source();
        if (frame == null) {
            return encodeBuilt(properties, fromTerminal);
        }
        // Decoded properties are immutable and keep their whole frame in received order, so
        // re-encoding them gives back exactly those bytes: a relay copies them in one piece.
        for (int i = 0; i < properties.size(); i++) {
            byte[] binary = properties.rawBytes(i);
            if (binary != null) {
                checkPrefixDirection(properties.rawName(i), IppNames.layout(properties.rawName(i)), binary,
                        fromTerminal);
            }
        }
        return frame.clone();
    }

    private static byte[] encodeBuilt(IppProperties properties, boolean fromTerminal) {
        int count = properties.size();
        // UTF-8 text (display rows only) becomes bytes once, for both the length and the copy; ASCII
        // text, which the builder checked, is one byte per character and is written straight in.
        byte[][] utf8 = null;
        int length = HEADER_LENGTH + PROTOCOL_LINE.length;
        for (int i = 0; i < count; i++) {
            Object value = properties.rawValue(i);
            int valueLength;
            if (value instanceof byte[] bytes) {
                checkPrefixDirection(properties.rawName(i), properties.rawLayout(i), bytes, fromTerminal);
                valueLength = bytes.length;
            } else if (properties.rawLayout(i) == IppValueLayout.UTF8) {
                if (utf8 == null) {
                    utf8 = new byte[count][];
                }
                utf8[i] = ((String) value).getBytes(StandardCharsets.UTF_8);
                valueLength = utf8[i].length;
            } else {
                valueLength = ((String) value).length();
            }
            length += properties.rawNameBytes(i).length + valueLength + 3;
        }
        if (length > MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("frame of " + length + " bytes exceeds the IPP maximum of "
                    + MAX_FRAME_LENGTH);
        }
        byte[] out = new byte[length];
        out[0] = (byte) (length >>> 8);
        out[1] = (byte) length;
        System.arraycopy(PROTOCOL_LINE, 0, out, HEADER_LENGTH, PROTOCOL_LINE.length);
        int pos = HEADER_LENGTH + PROTOCOL_LINE.length;
        for (int i = 0; i < count; i++) {
            byte[] name = properties.rawNameBytes(i);
            System.arraycopy(name, 0, out, pos, name.length);
            pos += name.length;
            out[pos++] = '=';
            Object value = properties.rawValue(i);
            byte[] bytes = value instanceof byte[] binary ? binary : utf8 != null ? utf8[i] : null;
            if (bytes != null) {
                System.arraycopy(bytes, 0, out, pos, bytes.length);
                pos += bytes.length;
            } else {
                String text = (String) value;
                writeAscii(text, out, pos);
                pos += text.length();
            }
            out[pos++] = CR;
            out[pos++] = LF;
        }
        return out;
    }

    /** Copies text the builder checked to be ASCII, one byte per character. */
    @SuppressWarnings("deprecation") // the one String method that copies Latin-1 text into an array as it is
    private static void writeAscii(String text, byte[] out, int pos) {
        text.getBytes(0, text.length(), out, pos);
    }

    /**
     * Wraps a payload in a DATA/CERT value: a 2-byte prefix, which counts itself when the terminal
     * sends it ({@code fromTerminal}) and counts only the payload when the caller does (§9).
     */
    public static byte[] lengthPrefixed(byte[] payload, boolean fromTerminal) {
        int prefix = payload.length + (fromTerminal ? 2 : 0);
        if (prefix > 0xFFFF) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes does not fit a 2-byte prefix");
        }
        byte[] value = new byte[payload.length + 2];
        value[0] = (byte) (prefix >>> 8);
        value[1] = (byte) prefix;
        System.arraycopy(payload, 0, value, 2, payload.length);
        return value;
    }

    /** The payload of a DATA/CERT value: everything after its 2-byte prefix. */
    public static byte[] payload(byte[] lengthPrefixed) {
        return Arrays.copyOfRange(lengthPrefixed, 2, lengthPrefixed.length);
    }

    /** Splits a CHAIN value into its 20-byte fingerprints. */
    public static java.util.List<byte[]> fingerprints(byte[] chain) {
        java.util.List<byte[]> out = new java.util.ArrayList<>(chain.length / CHAIN_ENTRY_LENGTH);
        for (int i = 0; i + CHAIN_ENTRY_LENGTH <= chain.length; i += CHAIN_ENTRY_LENGTH) {
            out.add(Arrays.copyOfRange(chain, i, i + FINGERPRINT_LENGTH));
        }
        return out;
    }

    /** The SHA-1 of a DER certificate: what FINGERPRINT and CHAIN entries hold (docs/protocols/ipp.md §10). */
    public static byte[] fingerprint(byte[] der) {
        try {
            return java.security.MessageDigest.getInstance("SHA-1").digest(der);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }

    /** Joins fingerprints into a CHAIN value: each 20 bytes followed by {@code ;}. */
    public static byte[] chain(java.util.List<byte[]> fingerprints) {
        byte[] out = new byte[fingerprints.size() * CHAIN_ENTRY_LENGTH];
        int pos = 0;
        for (byte[] fingerprint : fingerprints) {
            if (fingerprint.length != FINGERPRINT_LENGTH) {
                throw new IllegalArgumentException("a fingerprint has 20 bytes, got " + fingerprint.length);
            }
            System.arraycopy(fingerprint, 0, out, pos, FINGERPRINT_LENGTH);
            out[pos + FINGERPRINT_LENGTH] = ';';
            pos += CHAIN_ENTRY_LENGTH;
        }
        return out;
    }

    static void checkBinaryLayout(String name, IppValueLayout layout, byte[] value) {
        switch (layout) {
            case LENGTH_PREFIXED -> {
                int prefix = value.length >= 2 ? (value[0] & 0xFF) << 8 | value[1] & 0xFF : -1;
                if (prefix != value.length && prefix != value.length - 2) {
                    throw new IllegalArgumentException(name + " length prefix " + prefix + " fits neither "
                            + "direction for a value of " + value.length + " bytes");
                }
            }
            case FINGERPRINT -> {
                if (value.length != FINGERPRINT_LENGTH) {
                    throw new IllegalArgumentException(name + " has 20 bytes, got " + value.length);
                }
            }
            case FINGERPRINT_LIST -> {
                if (value.length % CHAIN_ENTRY_LENGTH != 0) {
                    throw new IllegalArgumentException(name + " is a multiple of 21 bytes, got " + value.length);
                }
                for (int i = FINGERPRINT_LENGTH; i < value.length; i += CHAIN_ENTRY_LENGTH) {
                    if (value[i] != ';') {
                        throw new IllegalArgumentException(name + " entry " + i / CHAIN_ENTRY_LENGTH
                                + " does not end with ';'");
                    }
                }
            }
            case RAW -> {
                if (indexOfCrLf(value, 0, value.length) >= 0) {
                    throw new IllegalArgumentException(name + " must not contain CR LF");
                }
            }
            default -> throw new IllegalArgumentException(name + " is a text property");
        }
    }

    /**
     * A DATA or CERT prefix must count the way the message's direction does (§9): checked on every
     * encode, as decoded properties may be re-sent in the other direction.
     */
    private static void checkPrefixDirection(String name, IppValueLayout layout, byte[] bytes, boolean fromTerminal) {
        if (layout == IppValueLayout.LENGTH_PREFIXED) {
            int prefix = (bytes[0] & 0xFF) << 8 | bytes[1] & 0xFF;
            int expected = fromTerminal ? bytes.length : bytes.length - 2;
            if (prefix != expected) {
                throw new IllegalArgumentException(name + " length prefix " + prefix + " should be " + expected
                        + (fromTerminal ? " (counting itself, from the terminal)"
                                : " (the payload only, towards the terminal)"));
            }
        }
    }

    private static IppProperties decodeProperties(byte[] frame, int offset, int length, boolean fromTerminal) {
        if (offset < 0 || length < 0 || offset + length > frame.length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + " in " + frame.length);
        }
        if (length < HEADER_LENGTH + 1) {
            throw new IppDecodingException("header", "frame of " + length + " bytes is shorter than 3");
        }
        int header = (frame[offset] & 0xFF) << 8 | frame[offset + 1] & 0xFF;
        if (header != length) {
            throw new IppDecodingException("header", "says " + header + " bytes but the frame has " + length
                    + (header == length - 2 ? " (it must count its own 2 bytes)" : ""));
        }
        // The message keeps reading its text from these bytes: they must be its own.
        frame = Arrays.copyOfRange(frame, offset, offset + length);
        int end = length;
        int pos = HEADER_LENGTH;
        if (length - HEADER_LENGTH < PROTOCOL_LINE.length
                || ByteScan.word(frame, pos) != PROTOCOL_HEAD
                || ByteScan.word(frame, pos + PROTOCOL_LINE.length - Long.BYTES) != PROTOCOL_TAIL) {
            throw new IppDecodingException(IppNames.PROTOCOL, "the first line must be PROTOCOL=IPP");
        }
        pos += PROTOCOL_LINE.length;

        String[] names = new String[32];
        Object[] values = new Object[32];
        int[] spans = new int[64];
        int count = 0;
        long seenLow = 0;
        long seenHigh = 0;
        while (pos < end) {
            int nameStart = pos;
            pos = ByteScan.indexOf(frame, (byte) '=', nameStart, end);
            // A known name is valid by construction; any other is checked byte by byte.
            int known = pos > nameStart && pos < end ? IppNames.index(frame, nameStart, pos - nameStart) : -1;
            if (known < 0) {
                pos = nameEnd(frame, nameStart, end, count);
            }
            String name;
            IppValueLayout layout;
            if (known >= 0) {
                name = IppNames.KNOWN_NAMES[known];
                layout = IppNames.layout(known);
                long bit = 1L << (known & 63);
                if (known < 64 ? (seenLow & bit) != 0 : (seenHigh & bit) != 0) {
                    throw new IppDecodingException(name, "appears twice");
                }
                if (known < 64) {
                    seenLow |= bit;
                } else {
                    seenHigh |= bit;
                }
                if (name == IppNames.PROTOCOL) {
                    throw new IppDecodingException(name, "appears twice");
                }
            } else {
                name = new String(frame, nameStart, pos - nameStart, StandardCharsets.ISO_8859_1);
                layout = IppValueLayout.ASCII;
                for (int i = 0; i < count; i++) {
                    if (names[i].equals(name)) {
                        throw new IppDecodingException(name, "appears twice");
                    }
                }
            }
            pos++;
            int valueStart = pos;
            Object value;
            int valueEnd;
            if (layout == IppValueLayout.ASCII) {
                // Nearly every property: its String is made only when it is read.
                valueEnd = textEnd(frame, pos, end, name, true);
                value = null;
            } else if (layout == IppValueLayout.UTF8) {
                valueEnd = textEnd(frame, pos, end, name, false);
                value = utf8(frame, pos, valueEnd - pos, name);
            } else {
                valueEnd = binaryEnd(frame, pos, end, name, layout, fromTerminal);
                value = Arrays.copyOfRange(frame, pos, valueEnd);
            }
            if (valueEnd + 2 > end || frame[valueEnd] != CR || frame[valueEnd + 1] != LF) {
                throw new IppDecodingException(name, "value is not followed by CR LF");
            }
            pos = valueEnd + 2;
            if (name == IppNames.DATA && pos != end) {
                throw new IppDecodingException(name, "must be the last property");
            }
            if (count == names.length) {
                names = Arrays.copyOf(names, count * 2);
                values = Arrays.copyOf(values, count * 2);
                spans = Arrays.copyOf(spans, count * 4);
            }
            names[count] = name;
            values[count] = value;
            spans[2 * count] = valueStart;
            spans[2 * count + 1] = valueEnd - valueStart;
            count++;
        }
        return new IppProperties(names, null, null, values, count, frame, spans);
    }

    /** Where a binary value that starts at {@code pos} ends, by its layout (docs/protocols/ipp.md §9, §10). */
    private static int binaryEnd(byte[] frame, int pos, int end, String name, IppValueLayout layout,
            boolean fromTerminal) {
        switch (layout) {
            case LENGTH_PREFIXED -> {
                if (end - pos < 2) {
                    throw new IppDecodingException(name, "has no 2-byte length prefix");
                }
                int prefix = (frame[pos] & 0xFF) << 8 | frame[pos + 1] & 0xFF;
                int payload = fromTerminal ? prefix - 2 : prefix;
                if (payload < 0) {
                    throw new IppDecodingException(name, "length prefix " + prefix
                            + " from the terminal must count its own 2 bytes");
                }
                if (pos + 2 + payload > end - 2) {
                    throw new IppDecodingException(name, "length prefix " + prefix + " runs past the frame end");
                }
                return pos + 2 + payload;
            }
            case FINGERPRINT -> {
                if (pos + FINGERPRINT_LENGTH > end - 2) {
                    throw new IppDecodingException(name, "needs 20 bytes, the frame ends first");
                }
                return pos + FINGERPRINT_LENGTH;
            }
            case FINGERPRINT_LIST -> {
                return chainEnd(frame, pos, end, name);
            }
            default -> {
                int crLf = indexOfCrLf(frame, pos, end);
                if (crLf < 0) {
                    throw new IppDecodingException(name, "is not terminated by CR LF");
                }
                return crLf;
            }
        }
    }

    /** Where a name not in the dictionary ends: at its {@code =}, after one name byte at least. */
    private static int nameEnd(byte[] frame, int nameStart, int end, int count) {
        int pos = nameStart;
        while (pos < end && isNameByte(frame[pos])) {
            pos++;
        }
        if (pos == end || frame[pos] != '=' || pos == nameStart) {
            throw new IppDecodingException("property " + (count + 2),
                    pos == nameStart ? "has no name" : "name is not followed by '='");
        }
        return pos;
    }

    private static boolean isNameByte(byte b) {
        return NAME_BYTES[b & 0xFF];
    }

    private static int textEnd(byte[] frame, int pos, int end, String name, boolean ascii) {
        int i = pos;
        if (ascii) {
            i = ByteScan.firstNonPrintable(frame, pos, end);
        } else {
            while (i < end && frame[i] != CR && frame[i] != LF) {
                i++;
            }
        }
        if (i == end) {
            throw new IppDecodingException(name, "is not terminated by CR LF");
        }
        if (frame[i] != CR) {
            throw new IppDecodingException(name, "holds a byte not allowed in text at offset " + (i - pos));
        }
        return i;
    }

    private static String utf8(byte[] frame, int pos, int length, String name) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(frame, pos, length)).toString();
        } catch (CharacterCodingException e) {
            throw new IppDecodingException(name, "is not valid UTF-8");
        }
    }

    /**
     * The end of a fingerprint list. A CR LF at an entry boundary ends it unless a whole entry
     * follows that is not itself the start of the next property — fingerprint bytes may be CR LF.
     */
    private static int chainEnd(byte[] frame, int pos, int end, String name) {
        while (true) {
            boolean crLf = pos + 1 < end && frame[pos] == CR && frame[pos + 1] == LF;
            boolean entry = pos + CHAIN_ENTRY_LENGTH <= end - 2 && frame[pos + FINGERPRINT_LENGTH] == ';';
            if (crLf && (!entry || startsProperty(frame, pos + 2, end))) {
                return pos;
            }
            if (!entry) {
                throw new IppDecodingException(name, "is not a list of 20-byte fingerprints each followed by ';'");
            }
            pos += CHAIN_ENTRY_LENGTH;
        }
    }

    private static boolean startsProperty(byte[] frame, int pos, int end) {
        int i = pos;
        while (i < end && isNameByte(frame[i])) {
            i++;
        }
        return i == end && i == pos || i > pos && i < end && frame[i] == '=';
    }

    private static int indexOfCrLf(byte[] bytes, int from, int end) {
        for (int i = from; i + 1 < end; i++) {
            if (bytes[i] == CR && bytes[i + 1] == LF) {
                return i;
            }
        }
        return -1;
    }
}
