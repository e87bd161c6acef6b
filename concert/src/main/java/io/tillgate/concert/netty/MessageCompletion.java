package io.tillgate.concert.netty;

import io.netty.buffer.ByteBuf;
import io.tillgate.concert.codec.ConcertAction;
import io.tillgate.concert.codec.ConcertDecodingException;
import io.tillgate.concert.codec.ConcertTag;
import io.tillgate.concert.codec.TicketMode;
import io.tillgate.concert.codec.TlvMessage;

/**
 * When whole TLV items are certainly a whole Concert message, so that {@link ConcertFrameDecoder}
 * need not wait for the quiet interval (docs/protocols/concert.md §1, "end of the request" and "end of
 * the answer"). The decoder asks once per connection, about the bytes of its first read: a peer
 * whose first read is not a whole message writes in pieces, and then items that look complete may
 * still be followed by more, so only silence or the peer's close ends the message.
 */
@FunctionalInterface
public interface MessageCompletion {

    /** Never certain: every message ends after the quiet interval or when the peer closes (the rule before). */
    MessageCompletion NEVER = (buffer, from, to) -> false;

    /**
     * @param buffer holds whole items with valid headers from {@code from} (inclusive) to {@code to} (exclusive)
     * @return whether nothing more can belong to the message
     */
    boolean isComplete(ByteBuf buffer, int from, int to);

    /**
     * A cash register's request: complete once it holds every tag its {@code CD} requires
     * ({@link ConcertAction#requiredTags()}). An unknown {@code CD} has no such set, so it waits.
     */
    static MessageCompletion request() {
        return (buffer, from, to) -> {
            ReceivedItems items = ReceivedItems.of(buffer, from, to);
            ConcertAction action = ConcertAction.lookup(items.action());
            return action != null && items.hasAll(action.requiredTags());
        };
    }

    /**
     * A terminal's answer to {@code request}: complete once it holds {@code CZ} and {@code AE}, with
     * {@code AF} when {@code AE=01}, and, for an answer at the end ({@code AE} 10 or 01, {@code BA=0}),
     * as many {@code ZT} tickets as the request's {@code CK} asked for. An acknowledgement
     * ({@code AE=11}) carries nothing more. Card data that may follow is not awaited, which is why
     * only a first read counts (see above).
     */
    static MessageCompletion answerTo(TlvMessage request) {
        int tickets;
        try {
            tickets = "1".equals(request.value(ConcertTag.BA)) ? 0 : ticketsAsked(request.value(ConcertTag.CK));
        } catch (ConcertDecodingException e) {
            return NEVER; // a terminal may answer a bad CK with anything: only silence is certain
        }
        return (buffer, from, to) -> {
            ReceivedItems items = ReceivedItems.of(buffer, from, to);
            if (!items.has(ConcertTag.CZ)) {
                return false;
            }
            return switch (items.status()) {
                case 11 -> true;
                case 10 -> items.tickets() >= tickets;
                case 1 -> items.has(ConcertTag.AF) && items.tickets() >= tickets;
                default -> false;
            };
        };
    }

    private static int ticketsAsked(String ck) {
        if (ck == null) {
            return 0;
        }
        TicketMode mode = TicketMode.fromCode(ck);
        return !mode.returned() ? 0 : mode.copies() == TicketMode.Copies.BOTH ? 2 : 1;
    }
}
