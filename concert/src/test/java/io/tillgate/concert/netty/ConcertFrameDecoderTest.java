package io.tillgate.concert.netty;

import static io.tillgate.concert.codec.ConcertSamples.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.tillgate.concert.codec.ConcertAction;
import io.tillgate.concert.codec.ConcertDecodingException;
import io.tillgate.concert.codec.ConcertSamples;
import io.tillgate.concert.codec.ConcertTag;
import io.tillgate.concert.codec.Ticket;
import io.tillgate.concert.codec.TicketMode;
import io.tillgate.concert.codec.TlvDecoder;
import io.tillgate.concert.codec.TlvEncoder;
import io.tillgate.concert.codec.TlvItem;
import io.tillgate.concert.codec.TlvMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConcertFrameDecoderTest {

    private static final Duration QUIET = Duration.ofMillis(50);

    /** The quiet interval only, as before the completion rule. */
    private static EmbeddedChannel channel(ConcertFrameDecoder.Mode mode, int max) {
        return channel(mode, max, MessageCompletion.NEVER);
    }

    private static EmbeddedChannel channel(ConcertFrameDecoder.Mode mode, int max, MessageCompletion completion) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new ConcertFrameDecoder(mode, max, QUIET, completion));
        return channel;
    }

    private static EmbeddedChannel requestChannel() {
        return channel(ConcertFrameDecoder.Mode.REQUEST, 16 * 1024, MessageCompletion.request());
    }

    private static EmbeddedChannel answerChannel(String request) {
        return channel(ConcertFrameDecoder.Mode.ANSWER, 16 * 1024,
                MessageCompletion.answerTo(TlvDecoder.decode(bytes(request))));
    }

    private static byte[] readFrame(EmbeddedChannel channel) {
        ByteBuf frame = channel.readInbound();
        assertThat(frame).as("a frame").isNotNull();
        try {
            return ByteBufUtil.getBytes(frame);
        } finally {
            frame.release();
        }
    }

    private static void quiet(EmbeddedChannel channel) {
        channel.advanceTimeBy(QUIET.toMillis(), TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
    }

    @Test
    void everyRequestInOneReadIsAFrameAtOnce() {
        for (String sample : ConcertSamples.REQUESTS) {
            EmbeddedChannel channel = requestChannel();
            channel.writeInbound(Unpooled.wrappedBuffer(bytes(sample)));
            assertThat(readFrame(channel)).as(sample).isEqualTo(bytes(sample));
            assertThat(channel.finish()).isFalse();
        }
    }

    @Test
    void everyRequestSplitAtEveryBytePositionIsOneFrame() {
        for (String sample : ConcertSamples.REQUESTS) {
            byte[] wire = bytes(sample);
            for (int split = 1; split < wire.length; split++) {
                EmbeddedChannel channel = requestChannel();
                channel.writeInbound(Unpooled.wrappedBuffer(wire, 0, split));
                String first = sample.substring(0, split);
                if (holdsEveryRequiredTag(first)) {
                    // A first read that is a whole request by the rule ends it: a POS writing in two writes
                    // cut exactly after the required tags loses the rest (docs/protocols/concert.md §1).
                    assertThat(readFrame(channel)).as("split %d of %s", split, sample).isEqualTo(bytes(first));
                    channel.writeInbound(Unpooled.wrappedBuffer(wire, split, wire.length - split));
                    assertThat((Object) channel.readInbound()).as("later bytes are dropped").isNull();
                } else {
                    channel.advanceTimeBy(QUIET.toMillis() - 1, TimeUnit.MILLISECONDS);
                    channel.runScheduledPendingTasks();
                    assertThat((Object) channel.readInbound()).as("split %d of %s", split, sample).isNull();
                    channel.writeInbound(Unpooled.wrappedBuffer(wire, split, wire.length - split));
                    assertThat((Object) channel.readInbound()).as("a request in pieces waits, split %d", split)
                            .isNull();
                    quiet(channel);
                    assertThat(readFrame(channel)).as("split %d", split).isEqualTo(wire);
                }
                assertThat(channel.finish()).isFalse();
            }
        }
    }

    @Test
    void requestsWrittenItemByItemWaitForTheQuietIntervalEvenOnceTheRequiredTagsAreIn() {
        // The driver's order: the required tags are all in after CE, and BA, CK and CF still follow.
        List<String> items = List.of("CZ0040320", "CJ012000000000000", "CA00201", "CB0041250", "CD0010", "CE003978",
                "BA0010", "CK003120", "CF006order7");
        EmbeddedChannel channel = requestChannel();
        for (String item : items) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes(item)));
            channel.advanceTimeBy(QUIET.toMillis() - 1, TimeUnit.MILLISECONDS);
            channel.runScheduledPendingTasks();
            assertThat((Object) channel.readInbound()).as("after %s", item).isNull();
        }
        channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(readFrame(channel)).isEqualTo(bytes(String.join("", items)));
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void aRequestMissingOneRequiredTagWaitsForTheQuietInterval() {
        String debit = "CZ0040320CJ012000000000000CA00201CB0041250CD0010CE003978BA0010";
        for (ConcertTag missing : ConcertAction.DEBIT.requiredTags()) {
            assertThatRequestWaits(withoutItem(debit, missing));
        }
        String identification = "CZ0040320CJ012000000000000CA00201CD001I";
        for (ConcertTag missing : ConcertAction.IDENTIFICATION.requiredTags()) {
            assertThatRequestWaits(withoutItem(identification, missing));
        }
        assertThatRequestWaits("CZ0040320CJ012000000000000CA00201CD001X"); // an unknown action has no required set
    }

    @Test
    void aRequestWithEveryTagItsActionRequiresIsAFrameAtOnce() {
        for (String request : List.of("CZ0040320CJ012000000000000CA00201CD001I",
                "CE003978CB0041250CA00201CJ012000000000000CZ0040320CD0011", // any order: the decoder judges it
                "CZ0040320CJ012000000000000CA00201CD0013", "CZ0040320CJ012000000000000CA00201CD0012CB00205CE003978")) {
            EmbeddedChannel channel = requestChannel();
            channel.writeInbound(Unpooled.wrappedBuffer(bytes(request)));
            assertThat(readFrame(channel)).as(request).isEqualTo(bytes(request));
            assertThat(channel.finish()).isFalse();
        }
    }

    @Test
    void everyRequestSplitAtEveryBytePositionWaitsWhenTheRuleIsOff() {
        for (String sample : ConcertSamples.REQUESTS) {
            byte[] wire = bytes(sample);
            for (int split = 1; split < wire.length; split++) {
                EmbeddedChannel channel = channel(ConcertFrameDecoder.Mode.REQUEST, 16 * 1024);
                channel.writeInbound(Unpooled.wrappedBuffer(wire, 0, split));
                channel.advanceTimeBy(QUIET.toMillis() - 1, TimeUnit.MILLISECONDS);
                channel.runScheduledPendingTasks();
                assertThat((Object) channel.readInbound()).as("split %d of %s", split, sample).isNull();
                channel.writeInbound(Unpooled.wrappedBuffer(wire, split, wire.length - split));
                assertThat((Object) channel.readInbound()).as("before the quiet interval").isNull();
                quiet(channel);
                assertThat(readFrame(channel)).as("split %d", split).isEqualTo(wire);
                assertThat(channel.finish()).isFalse();
            }
        }
    }

    @Test
    void everyAnswerInOneReadIsAFrameAtOnce() {
        String request = ConcertSamples.REQUESTS.get(0);
        for (String sample : ConcertSamples.ANSWERS) {
            EmbeddedChannel channel = answerChannel(request);
            channel.writeInbound(Unpooled.wrappedBuffer(bytes(sample)));
            assertThat(readFrame(channel)).as(sample).isEqualTo(bytes(sample));
            assertThat(channel.finish()).isFalse();
        }
    }

    @Test
    void anAnswerWaitsForWhatItsRequestAskedFor() {
        String both = "CZ0040320CJ012000000000000CA00201CB0041250CD0010CE003978BA0010CK003120";
        String head = "CZ0040320CJ012000000000000CA00201CB0041250CD0010CE003978BA0010AE00210";
        String merchant = ticket(TicketMode.Copies.MERCHANT);
        String customer = ticket(TicketMode.Copies.CUSTOMER);
        assertThatAnswerWaits(both, head);
        assertThatAnswerWaits(both, head + merchant);
        assertThatAnswerIsAtOnce(both, head + merchant + customer);
        assertThatAnswerWaits(both, head.replace("AE00210", "AE00201AF00204") + customer);
        assertThatAnswerIsAtOnce(both, head.replace("AE00210", "AE00201AF00204") + customer + merchant);
        // A refusal of a request in immediate mode carries no tickets; an acknowledgement never does.
        String immediate = both.replace("BA0010", "BA0011");
        assertThatAnswerIsAtOnce(immediate, head.replace("AE00210", "AE00211"));
        assertThatAnswerIsAtOnce(immediate, head);
        assertThatAnswerIsAtOnce("CZ0040320CJ012000000000000CA00201CB0041250CD0010CE003978BA0010CK003020", head);
    }

    @Test
    void anAnswerWithoutItsReasonOrStatusWaits() {
        String request = ConcertSamples.REQUESTS.get(0);
        assertThatAnswerWaits(request, "CZ0040320CJ012000000000000CA00201AE00201");
        assertThatAnswerWaits(request, "CZ0040320CJ012000000000000CA00201AE00299AF00204");
        assertThatAnswerWaits(request, "CJ012000000000000CA00201AE00210");
        assertThatAnswerWaits(request, "CZ0040320CJ012000000000000CA00201");
    }

    @Test
    void anAnswerInPiecesWaitsForTheDrainIntervalEvenOnceComplete() {
        String request = ConcertSamples.REQUESTS.get(0);
        EmbeddedChannel channel = answerChannel(request);
        channel.writeInbound(Unpooled.wrappedBuffer(bytes("CZ0040320")));
        channel.writeInbound(Unpooled.wrappedBuffer(bytes("AE00210")));
        assertThat((Object) channel.readInbound()).isNull();
        quiet(channel);
        assertThat(readFrame(channel)).isEqualTo(bytes("CZ0040320AE00210"));
    }

    @Test
    void everyAnswerSplitAtEveryBytePositionIsOneFrame() {
        for (String sample : ConcertSamples.ANSWERS) {
            byte[] wire = bytes(sample);
            for (int split = 1; split < wire.length; split++) {
                EmbeddedChannel channel = channel(ConcertFrameDecoder.Mode.ANSWER, 16 * 1024);
                channel.writeInbound(Unpooled.wrappedBuffer(wire, 0, split));
                quiet(channel);
                boolean early = sample.indexOf("AE002") >= 0 && split >= sample.indexOf("AE002") + 7
                        && isWholeItems(sample.substring(0, split));
                if (!early) {
                    assertThat((Object) channel.readInbound()).as("split %d of %s", split, sample).isNull();
                    channel.writeInbound(Unpooled.wrappedBuffer(wire, split, wire.length - split));
                    quiet(channel);
                    assertThat(readFrame(channel)).isEqualTo(wire);
                } else {
                    // Whole items with AE and then silence: the rule of docs/protocols/concert.md §1 ends the
                    // answer there.
                    assertThat(readFrame(channel)).isEqualTo(sample.substring(0, split).getBytes());
                    channel.writeInbound(Unpooled.wrappedBuffer(wire, split, wire.length - split));
                    assertThat((Object) channel.readInbound()).as("later bytes are dropped").isNull();
                }
                assertThat(channel.finish()).isFalse();
            }
        }
    }

    @Test
    void everyAnswerSplitAtEveryBytePositionWithoutPauseIsOneFrame() {
        for (String sample : ConcertSamples.ANSWERS) {
            byte[] wire = bytes(sample);
            for (int split = 1; split < wire.length; split++) {
                EmbeddedChannel channel = channel(ConcertFrameDecoder.Mode.ANSWER, 16 * 1024);
                channel.writeInbound(Unpooled.wrappedBuffer(wire, 0, split));
                channel.writeInbound(Unpooled.wrappedBuffer(wire, split, wire.length - split));
                quiet(channel);
                assertThat(readFrame(channel)).isEqualTo(wire);
                assertThat(channel.finish()).isFalse();
            }
        }
    }

    @Test
    void anAnswerWithoutAeWaitsForTheRestOrThePeersClose() {
        EmbeddedChannel channel = channel(ConcertFrameDecoder.Mode.ANSWER, 1024);
        channel.writeInbound(Unpooled.wrappedBuffer(bytes("CZ0040320CA00201")));
        channel.advanceTimeBy(10, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat((Object) channel.readInbound()).isNull();

        channel.close();

        assertThat(readFrame(channel)).isEqualTo(bytes("CZ0040320CA00201"));
    }

    @Test
    void aPeerCloseEndsATruncatedAnswerForTheDecoderToRefuse() {
        EmbeddedChannel channel = channel(ConcertFrameDecoder.Mode.ANSWER, 1024);
        channel.pipeline().addLast(new ConcertMessageCodec());
        channel.writeInbound(Unpooled.wrappedBuffer(bytes("CZ0040320AE0021")));
        channel.close();
        assertThatThrownBy(channel::checkException).isInstanceOf(DecoderException.class)
                .hasCauseInstanceOf(ConcertDecodingException.class)
                .hasRootCauseMessage("AE at offset 9: value of 2 bytes truncated after 1");
    }

    @Test
    void bytesThatCannotBeAHeaderArePassedOnAtOnce() {
        EmbeddedChannel channel = channel(ConcertFrameDecoder.Mode.REQUEST, 1024);
        channel.writeInbound(Unpooled.wrappedBuffer(bytes("GET / HTTP/1.1\r\n")));
        assertThat(readFrame(channel)).isEqualTo(bytes("GET / HTTP/1.1\r\n"));
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void tooLongFailsAndDropsTheRest() {
        EmbeddedChannel channel = channel(ConcertFrameDecoder.Mode.REQUEST, 64);
        channel.writeInbound(Unpooled.wrappedBuffer(bytes("CZ0040320CF050" + "x".repeat(40))));
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(bytes("y".repeat(20)))))
                .isInstanceOf(ConcertFrameTooLongException.class)
                .hasMessage("Concert message exceeds 64 bytes (74 received)");
        channel.writeInbound(Unpooled.wrappedBuffer(bytes("z")));
        quiet(channel);
        assertThat((Object) channel.readInbound()).isNull();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void twoRequestsMergedInOneReadAreOneFrameTheDecoderRefuses() {
        // One request per connection: a second CZ cannot start a second message.
        EmbeddedChannel channel = channel(ConcertFrameDecoder.Mode.REQUEST, 1024);
        channel.pipeline().addLast(new ConcertMessageCodec());
        String request = ConcertSamples.REQUESTS.get(0);
        channel.writeInbound(Unpooled.wrappedBuffer(bytes(request + request)));
        quiet(channel);
        assertThatThrownBy(channel::checkException).isInstanceOf(DecoderException.class)
                .hasRootCauseMessage("CZ at offset " + request.length() + ": tag repeated; only ZT may be");
    }

    @Test
    void aZeroQuietIntervalEndsAtTheFirstWholeItems() {
        EmbeddedChannel channel = new EmbeddedChannel(
                new ConcertFrameDecoder(ConcertFrameDecoder.Mode.ANSWER, 1024, Duration.ZERO, MessageCompletion.NEVER),
                new ConcertMessageCodec());
        channel.writeInbound(Unpooled.wrappedBuffer(bytes("CZ0040320AE00")));
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(Unpooled.wrappedBuffer(bytes("210")));
        TlvMessage message = channel.readInbound();
        assertThat(message).isEqualTo(TlvDecoder.decode(bytes("CZ0040320AE00210")));
    }

    @Test
    void encoderWritesOneBuffer() {
        EmbeddedChannel channel = new EmbeddedChannel(new ConcertMessageCodec());
        TlvMessage message = TlvDecoder.decode(bytes(ConcertSamples.ANSWERS.get(2)));
        channel.writeOutbound(message);
        ByteBuf out = channel.readOutbound();
        assertThat(ByteBufUtil.getBytes(out)).isEqualTo(bytes(ConcertSamples.ANSWERS.get(2)));
        out.release();
        assertThat((Object) channel.readOutbound()).isNull();
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> new ConcertFrameDecoder(ConcertFrameDecoder.Mode.ANSWER, 4, QUIET,
                MessageCompletion.NEVER)).hasMessage("maxFrameLength must be at least 5: 4");
        assertThatThrownBy(() -> new ConcertFrameDecoder(ConcertFrameDecoder.Mode.ANSWER, 64, Duration.ofMillis(-1),
                MessageCompletion.NEVER)).hasMessage("quietInterval must not be negative: PT-0.001S");
        assertThatThrownBy(() -> new ConcertFrameDecoder(ConcertFrameDecoder.Mode.ANSWER, 64, QUIET, null))
                .hasMessage("completion");
    }

    private static void assertThatRequestWaits(String request) {
        EmbeddedChannel channel = requestChannel();
        channel.writeInbound(Unpooled.wrappedBuffer(bytes(request)));
        channel.advanceTimeBy(QUIET.toMillis() - 1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat((Object) channel.readInbound()).as("before the quiet interval: %s", request).isNull();
        channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(readFrame(channel)).isEqualTo(bytes(request));
        assertThat(channel.finish()).isFalse();
    }

    private static void assertThatAnswerWaits(String request, String answer) {
        EmbeddedChannel channel = answerChannel(request);
        channel.writeInbound(Unpooled.wrappedBuffer(bytes(answer)));
        assertThat((Object) channel.readInbound()).as("at once: %s", answer).isNull();
        channel.close();
        assertThat(readFrame(channel)).as("at the close").isEqualTo(bytes(answer));
    }

    private static void assertThatAnswerIsAtOnce(String request, String answer) {
        EmbeddedChannel channel = answerChannel(request);
        channel.writeInbound(Unpooled.wrappedBuffer(bytes(answer)));
        assertThat(readFrame(channel)).as(answer).isEqualTo(bytes(answer));
        assertThat(channel.finish()).isFalse();
    }

    private static String ticket(TicketMode.Copies copy) {
        TlvMessage ticket = TlvMessage.of(TlvItem.of(ConcertTag.CZ, "0320"),
                Ticket.ofLines(copy, List.of("TILLGATE", "12.50 EUR")).toItem());
        return new String(TlvEncoder.encode(ticket), StandardCharsets.US_ASCII).substring("CZ0040320".length());
    }

    /** The items of {@code request} but the one of {@code tag}. */
    private static String withoutItem(String request, ConcertTag tag) {
        StringBuilder kept = new StringBuilder();
        for (int at = 0; at < request.length(); ) {
            int end = at + 5 + Integer.parseInt(request.substring(at + 2, at + 5));
            if (!request.startsWith(tag.code(), at)) {
                kept.append(request, at, end);
            }
            at = end;
        }
        assertThat(kept.length()).isLessThan(request.length());
        return kept.toString();
    }

    /** The oracle, from the codec rather than the framer: whole items holding every tag their CD requires. */
    private static boolean holdsEveryRequiredTag(String prefix) {
        if (!isWholeItems(prefix)) {
            return false;
        }
        TlvMessage message = TlvDecoder.decode(bytes(prefix));
        String cd = message.value(ConcertTag.CD);
        ConcertAction action = cd == null || cd.length() != 1 ? null : ConcertAction.lookup(cd.charAt(0));
        return action != null && action.requiredTags().stream().allMatch(message::contains);
    }

    private static boolean isWholeItems(String prefix) {
        int pos = 0;
        while (prefix.length() - pos >= 5) {
            pos += 5 + Integer.parseInt(prefix.substring(pos + 2, pos + 5));
        }
        return pos == prefix.length();
    }

}
