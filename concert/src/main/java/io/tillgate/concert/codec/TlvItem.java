package io.tillgate.concert.codec;

import java.util.List;
import java.util.Objects;

/** One item of a Concert message: a simple value, or a constructed ({@code Z*}) list of simple items. */
public sealed interface TlvItem {

    /** The two-letter type, e.g. {@code CB}. */
    String type();

    /** The dictionary entry for the type, or {@code null} for a tag this dictionary does not know. */
    default ConcertTag tag() {
        String type = type();
        return ConcertTag.lookup(type.charAt(0), type.charAt(1));
    }

    /** Bytes this item takes on the wire, header included. */
    int encodedLength();

    static Simple of(ConcertTag tag, String value) {
        return new Simple(tag.code(), value);
    }

    /**
     * A simple item. The value is kept as ASCII text exactly as on the wire (leading zeros too).
     *
     * @param type two upper-case letters
     * @param value 1 to 999 characters
     */
    record Simple(String type, String value) implements TlvItem {
        public Simple {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public int encodedLength() {
            return TlvFormat.HEADER_LENGTH + value.length();
        }

        /** Names type and length only: the value may be card data. */
        @Override
        public String toString() {
            return type + "[" + value.length() + "]";
        }
    }

    /**
     * A constructed item: one level of simple items inside a {@code Z*} type.
     *
     * @param type two upper-case letters starting with {@code Z}
     * @param items the nested simple items
     */
    record Constructed(String type, List<Simple> items) implements TlvItem {
        public Constructed {
            Objects.requireNonNull(type, "type");
            items = List.copyOf(items);
        }

        /** The value of the first nested item of that tag, or {@code null}. */
        public String value(ConcertTag tag) {
            for (Simple item : items) {
                if (item.type().equals(tag.code())) {
                    return item.value();
                }
            }
            return null;
        }

        /** Length of the nested text, which is this item's value length. */
        public int valueLength() {
            int length = 0;
            for (Simple item : items) {
                length += item.encodedLength();
            }
            return length;
        }

        @Override
        public int encodedLength() {
            return TlvFormat.HEADER_LENGTH + valueLength();
        }
    }
}
