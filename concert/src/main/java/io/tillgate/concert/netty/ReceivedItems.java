package io.tillgate.concert.netty;

import io.netty.buffer.ByteBuf;
import io.tillgate.concert.codec.ConcertTag;
import io.tillgate.concert.codec.TlvFormat;
import java.util.Set;

/**
 * What a run of whole TLV items holds, as far as {@link MessageCompletion} needs to know: which
 * known tags, the {@code CD} and {@code AE} values and how many {@code ZT}. Values are not checked
 * here; the message decoder does that once the message is complete.
 */
final class ReceivedItems {

    static {
        if (ConcertTag.values().length > Long.SIZE) {
            throw new ExceptionInInitializerError("one bit per ConcertTag no longer fits a long");
        }
    }

    /** One bit per {@link ConcertTag#ordinal()}. */
    private long tags;
    /** The one-byte {@code CD} value, or -1. */
    private int action = -1;
    /** The two-digit {@code AE} value as a number, or -1. */
    private int status = -1;
    private int tickets;

    private ReceivedItems() {
    }

    /**
     * @param buffer holds whole items with valid headers from {@code from} (inclusive) to {@code to} (exclusive)
     */
    static ReceivedItems of(ByteBuf buffer, int from, int to) {
        ReceivedItems items = new ReceivedItems();
        int at = from;
        while (at < to) {
            int length = TlvFormat.length(buffer.getByte(at + 2), buffer.getByte(at + 3), buffer.getByte(at + 4));
            ConcertTag tag = ConcertTag.lookup(buffer.getByte(at), buffer.getByte(at + 1));
            int value = at + TlvFormat.HEADER_LENGTH;
            if (tag != null) {
                items.add(tag, buffer, value, length);
            }
            at = value + length;
        }
        return items;
    }

    private void add(ConcertTag tag, ByteBuf buffer, int value, int length) {
        tags |= 1L << tag.ordinal();
        if (tag == ConcertTag.CD && length == 1) {
            action = buffer.getByte(value);
        } else if (tag == ConcertTag.AE && length == 2) {
            int tens = buffer.getByte(value) - '0';
            int units = buffer.getByte(value + 1) - '0';
            status = tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : -1;
        } else if (tag == ConcertTag.ZT) {
            tickets++;
        }
    }

    boolean has(ConcertTag tag) {
        return (tags & 1L << tag.ordinal()) != 0;
    }

    boolean hasAll(Set<ConcertTag> required) {
        for (ConcertTag tag : required) {
            if (!has(tag)) {
                return false;
            }
        }
        return true;
    }

    int action() {
        return action;
    }

    int status() {
        return status;
    }

    int tickets() {
        return tickets;
    }
}
