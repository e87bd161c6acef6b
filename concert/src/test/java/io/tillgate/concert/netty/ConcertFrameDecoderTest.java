package io.tillgate.concert.netty;

import static io.tillgate.concert.codec.ConcertSamples.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.tillgate.concert.codec.ConcertDecodingException;
import io.tillgate.concert.codec.ConcertSamples;
import io.tillgate.concert.codec.TlvDecoder;
import io.tillgate.concert.codec.TlvMessage;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConcertFrameDecoderTest {

    private static final Duration QUIET = Duration.ofMillis(50);

    private static EmbeddedChannel channel(ConcertFrameDecoder.Mode mode, int max) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new ConcertFrameDecoder(mode, max, QUIET));
        return channel;
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
    void everyRequestSplitAtEveryBytePositionIsOneFrame() {
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
                new ConcertFrameDecoder(ConcertFrameDecoder.Mode.ANSWER, 1024, Duration.ZERO), new ConcertMessageCodec());
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
        assertThatThrownBy(() -> new ConcertFrameDecoder(ConcertFrameDecoder.Mode.ANSWER, 4, QUIET))
                .hasMessage("maxFrameLength must be at least 5: 4");
        assertThatThrownBy(() -> new ConcertFrameDecoder(ConcertFrameDecoder.Mode.ANSWER, 64, Duration.ofMillis(-1)))
                .hasMessage("quietInterval must not be negative: PT-0.001S");
    }

    private static boolean isWholeItems(String prefix) {
        int pos = 0;
        while (prefix.length() - pos >= 5) {
            pos += 5 + Integer.parseInt(prefix.substring(pos + 2, pos + 5));
        }
        return pos == prefix.length();
    }

}
