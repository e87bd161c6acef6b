package io.tillgate.concert.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One Concert message as a list of TLV items in wire order: what {@link TlvDecoder} reads and
 * {@link TlvEncoder} writes. Typed views are {@link ConcertRequest} and {@link ConcertAnswer}.
 *
 * @param items the items, {@code CZ} first
 */
public record TlvMessage(List<TlvItem> items) {

    public TlvMessage {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    public static TlvMessage of(TlvItem... items) {
        return new TlvMessage(List.of(items));
    }

    /** The value of the simple item of that tag, or {@code null} when absent. */
    public String value(ConcertTag tag) {
        return value(tag.code());
    }

    /** The value of the simple item of that type (known or not), or {@code null} when absent. */
    public String value(String type) {
        for (TlvItem item : items) {
            if (item instanceof TlvItem.Simple simple && simple.type().equals(type)) {
                return simple.value();
            }
        }
        return null;
    }

    public boolean contains(ConcertTag tag) {
        for (TlvItem item : items) {
            if (item.type().equals(tag.code())) {
                return true;
            }
        }
        return false;
    }

    /** Every constructed item of that tag, in order (several {@code ZT}, one per ticket). */
    public List<TlvItem.Constructed> constructed(ConcertTag tag) {
        List<TlvItem.Constructed> found = new ArrayList<>(2);
        for (TlvItem item : items) {
            if (item instanceof TlvItem.Constructed c && c.type().equals(tag.code())) {
                found.add(c);
            }
        }
        return found;
    }

    /** Bytes this message takes on the wire. */
    public int encodedLength() {
        int length = 0;
        for (TlvItem item : items) {
            length += item.encodedLength();
        }
        return length;
    }

    /** Types and lengths only: values may be card data. */
    @Override
    public String toString() {
        return "TlvMessage" + items;
    }
}
