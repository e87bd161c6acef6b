package io.tillgate.ipp.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The properties of one frame after {@code PROTOCOL=IPP}, in wire order: text values as strings,
 * binary values ({@link IppValueLayout#binary()}) as the exact bytes between {@code =} and the final
 * CR LF — for DATA and CERT that includes the length prefix, so a relay passes them on verbatim.
 *
 * <p>Immutable. Names are unique, and DATA, when present, is last.
 */
public final class IppProperties {

    private static final IppProperties EMPTY = new IppProperties(new String[0], new byte[0][],
            new IppValueLayout[0], new Object[0], 0, null, null);

    private final String[] names;
    /** The names as bytes for {@link IppCodec#encode}; {@code null} when decoded, as the frame is re-sent whole. */
    private final byte[][] nameBytes;
    /** The layout of each value for {@link IppCodec#encode}; {@code null} when decoded, like {@link #nameBytes}. */
    private final IppValueLayout[] layouts;
    /** Text as {@code String}, binary as {@code byte[]}; {@code null} for text not yet read from {@link #source}. */
    private final Object[] values;
    private final int size;
    /** The decoded frame text values are read from on first use, and copied from when re-encoded. */
    private final byte[] source;
    /** Offset and length in {@link #source} of each value, or {@code null} when built, not decoded. */
    private final int[] spans;
    /** What {@link #parseDigits} answers for text that is not an integer: no text of 9 characters or less means it. */
    private static final int NOT_AN_INTEGER = Integer.MIN_VALUE;

    /** Takes ownership of the arrays; the caller has validated them. */
    IppProperties(String[] names, byte[][] nameBytes, IppValueLayout[] layouts, Object[] values, int size,
            byte[] source, int[] spans) {
        this.names = names;
        this.nameBytes = nameBytes;
        this.layouts = layouts;
        this.values = values;
        this.size = size;
        this.source = source;
        this.spans = spans;
    }

    public static IppProperties empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return size;
    }

    public String name(int index) {
        Objects.checkIndex(index, size);
        return names[index];
    }

    /** The value at {@code index}: a {@code String} for text, a copy of the bytes for binary. */
    public Object value(int index) {
        Objects.checkIndex(index, size);
        Object value = rawValue(index);
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }

    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** The text value of {@code name}, or {@code null} when absent. */
    public String text(String name) {
        int i = indexOf(name);
        if (i < 0) {
            return null;
        }
        if (!(rawValue(i) instanceof String text)) {
            throw new IllegalArgumentException(name + " is a binary property");
        }
        return text;
    }

    /** The binary value of {@code name} (a copy), or {@code null} when absent. */
    public byte[] bytes(String name) {
        int i = indexOf(name);
        if (i < 0) {
            return null;
        }
        if (!(values[i] instanceof byte[] bytes)) {
            throw new IllegalArgumentException(name + " is a text property");
        }
        return bytes.clone();
    }

    /** The integer value of {@code name}, or {@code fallback} when absent. */
    public int integer(String name, int fallback) {
        int i = indexOf(name);
        if (i < 0) {
            return fallback;
        }
        if (values[i] == null) {
            // Text not read yet: parse the frame's bytes and make no String, unless it is needed for the error.
            int value = parseDigits(source, spans[2 * i], spans[2 * i + 1]);
            if (value != NOT_AN_INTEGER) {
                return value;
            }
        }
        return parseInt(name, text(name));
    }

    /**
     * The length of the text value of {@code name} in characters, or -1 when absent: lets the
     * header checks of a relayed message run without turning its values into strings.
     */
    int textLength(String name) {
        int i = indexOf(name);
        if (i < 0) {
            return -1;
        }
        // Only ASCII text is left unread (docs/protocols/ipp.md §3): one byte per character.
        return values[i] == null ? spans[2 * i + 1] : text(name).length();
    }

    int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    String rawName(int index) {
        return names[index];
    }

    byte[] rawNameBytes(int index) {
        return nameBytes[index];
    }

    IppValueLayout rawLayout(int index) {
        return layouts[index];
    }

    /** The value as held: decoded text is made a {@code String} on first use (a benign race: Strings are immutable). */
    Object rawValue(int index) {
        Object value = values[index];
        if (value == null) {
            value = new String(source, spans[2 * index], spans[2 * index + 1], StandardCharsets.ISO_8859_1);
            values[index] = value;
        }
        return value;
    }

    /** The binary value as held (not a copy), or {@code null} for text. */
    byte[] rawBytes(int index) {
        return values[index] instanceof byte[] bytes ? bytes : null;
    }

    /** The whole frame these properties were decoded from, header included; {@code null} when built. */
    byte[] source() {
        return source;
    }

    static int parseInt(String name, String text) {
        int length = text.length();
        if (length == 0 || length > 9) {
            throw new IppDecodingException(name, "not an integer (" + length + " characters)");
        }
        int value = 0;
        int start = text.charAt(0) == '-' && length > 1 ? 1 : 0;
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IppDecodingException(name, "not an integer: '" + text + "'");
            }
            value = value * 10 + (c - '0');
        }
        return start == 1 ? -value : value;
    }

    /** {@link #parseInt(String, String)} over ASCII bytes, answering {@link #NOT_AN_INTEGER} where it throws. */
    private static int parseDigits(byte[] bytes, int offset, int length) {
        if (length == 0 || length > 9) {
            return NOT_AN_INTEGER;
        }
        int start = bytes[offset] == '-' && length > 1 ? 1 : 0;
        int value = 0;
        for (int i = start; i < length; i++) {
            int digit = bytes[offset + i] - '0';
            if (digit < 0 || digit > 9) {
                return NOT_AN_INTEGER;
            }
            value = value * 10 + digit;
        }
        return start == 1 ? -value : value;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof IppProperties other) || other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!names[i].equals(other.names[i]) || !Objects.deepEquals(rawValue(i), other.rawValue(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < size; i++) {
            h = 31 * h + names[i].hashCode();
            Object value = rawValue(i);
            h = 31 * h + (value instanceof byte[] bytes ? Arrays.hashCode(bytes) : value.hashCode());
        }
        return h;
    }

    /** Names and text values; binary values as their length only, and no secret in clear. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(names[i]).append('=');
            Object value = rawValue(i);
            if (value instanceof byte[] bytes) {
                out.append('<').append(bytes.length).append(" bytes>");
            } else if (names[i].equals(IppNames.PASSWORD)) {
                out.append("***");
            } else {
                out.append(value);
            }
        }
        return out.append('}').toString();
    }

    /** Collects properties in the order they are to be written, validating each as it comes. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>(16);
        private final List<Object> values = new ArrayList<>(16);
        private final List<IppValueLayout> layouts = new ArrayList<>(16);

        private Builder() {
        }

        /** Adds a text property; a {@code null} value leaves it out, as the vendor SDK does. */
        public Builder text(String name, String value) {
            if (value == null) {
                return this;
            }
            IppValueLayout layout = checkName(name);
            if (layout.binary()) {
                throw new IllegalArgumentException(name + " is a binary property; use bytes()");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\r' || c == '\n' || (layout == IppValueLayout.ASCII && (c < 0x20 || c > 0x7E))) {
                    throw new IllegalArgumentException(name + " holds a character not allowed in "
                            + layout + " text at index " + i);
                }
            }
            return add(name, value, layout);
        }

        /** Adds a text property holding a decimal integer. */
        public Builder integer(String name, int value) {
            return text(name, Integer.toString(value));
        }

        /**
         * Adds a binary property: the exact bytes between {@code =} and CR LF (for DATA and CERT the
         * 2-byte length prefix included).
         */
        public Builder bytes(String name, byte[] value) {
            Objects.requireNonNull(value, name);
            IppValueLayout layout = checkName(name);
            IppCodec.checkBinaryLayout(name, layout, value);
            return add(name, value.clone(), layout);
        }

        /** Adds a property as another frame held it (text or bytes). */
        public Builder put(String name, Object value) {
            return value instanceof byte[] bytes ? bytes(name, bytes) : text(name, (String) value);
        }

        /** Copies every property of {@code other} that this builder does not have yet. */
        public Builder putAll(IppProperties other) {
            for (int i = 0; i < other.size; i++) {
                if (!names.contains(other.names[i])) {
                    put(other.names[i], other.rawValue(i));
                }
            }
            return this;
        }

        public IppProperties build() {
            int data = names.indexOf(IppNames.DATA);
            if (data >= 0 && data != names.size() - 1) {
                throw new IllegalArgumentException("DATA must be the last property");
            }
            String[] built = names.toArray(String[]::new);
            byte[][] bytes = new byte[built.length][];
            for (int i = 0; i < built.length; i++) {
                bytes[i] = built[i].getBytes(StandardCharsets.US_ASCII);
            }
            return new IppProperties(built, bytes, layouts.toArray(IppValueLayout[]::new), values.toArray(),
                    built.length, null, null);
        }

        private Builder add(String name, Object value, IppValueLayout layout) {
            if (names.contains(name)) {
                throw new IllegalArgumentException(name + " is set twice");
            }
            names.add(name);
            values.add(value);
            layouts.add(layout);
            return this;
        }

        private static IppValueLayout checkName(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty() || name.equals(IppNames.PROTOCOL)) {
                throw new IllegalArgumentException("property name '" + name + "' cannot be set");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                    throw new IllegalArgumentException("property name '" + name
                            + "' is not upper-case letters, digits and underscores");
                }
            }
            return IppNames.layout(name);
        }
    }
}
