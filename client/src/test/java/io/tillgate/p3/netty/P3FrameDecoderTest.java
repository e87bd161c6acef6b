package io.tillgate.p3.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tillgate.p3.codec.P3Samples;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 4-byte unsigned big-endian length prefix of docs/protocols/p3.md §1.3, fed in every possible slicing. */
@Timeout(10)
class P3FrameDecoderTest {

    static ByteBuf frame(String json) {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        return Unpooled.buffer().writeInt(payload.length).writeBytes(payload);
    }

    private static String readPayload(EmbeddedChannel channel) {
        ByteBuf payload = channel.readInbound();
        assertThat(payload).as("a decoded frame").isNotNull();
        try {
            return payload.toString(StandardCharsets.UTF_8);
        } finally {
            payload.release();
        }
    }

    @Test
    void documentedPrefixes() {
        assertThat(ByteBufUtil.hexDump(frame(P3Samples.ABORT_REQUEST_107), 0, 8)).isEqualTo("0000006b7b227479");
        assertThat(ByteBufUtil.hexDump(frame(P3Samples.UPDATE_EURO_229), 0, 4)).isEqualTo("000000e5");
    }

    @Test
    void frameSplitAtEveryBytePosition() {
        byte[] wire = ByteBufUtil.getBytes(frame(P3Samples.UPDATE_EURO_229));
        for (int split = 0; split <= wire.length; split++) {
            EmbeddedChannel channel = new EmbeddedChannel(new P3FrameDecoder());

            channel.writeInbound(Unpooled.wrappedBuffer(wire, 0, split));
            if (split < wire.length) {
                assertThat((Object) channel.readInbound()).as("nothing before byte %d of %d", split, wire.length).isNull();
            }
            channel.writeInbound(Unpooled.wrappedBuffer(wire, split, wire.length - split));

            assertThat(readPayload(channel)).as("split at %d", split).isEqualTo(P3Samples.UPDATE_EURO_229);
            assertThat((Object) channel.readInbound()).isNull();
            assertThat(channel.finish()).isFalse();
        }
    }

    @Test
    void frameFedOneByteAtATime() {
        byte[] wire = ByteBufUtil.getBytes(frame(P3Samples.ABORT_REQUEST_107));
        EmbeddedChannel channel = new EmbeddedChannel(new P3FrameDecoder());

        for (byte b : wire) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }

        assertThat(readPayload(channel)).isEqualTo(P3Samples.ABORT_REQUEST_107);
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void severalFramesInOneBuffer() {
        EmbeddedChannel channel = new EmbeddedChannel(new P3FrameDecoder());
        ByteBuf wire = Unpooled.wrappedBuffer(frame(P3Samples.ABORT_REQUEST_107), frame(P3Samples.UPDATE_EURO_229),
                frame(P3Samples.QUERY), frame(P3Samples.ABORT_REQUEST_107).slice(0, 10).retain());

        channel.writeInbound(wire);

        assertThat(readPayload(channel)).isEqualTo(P3Samples.ABORT_REQUEST_107);
        assertThat(readPayload(channel)).isEqualTo(P3Samples.UPDATE_EURO_229);
        assertThat(readPayload(channel)).isEqualTo(P3Samples.QUERY);
        assertThat((Object) channel.readInbound()).as("the incomplete fourth frame waits").isNull();
        channel.finishAndReleaseAll();
    }

    @Test
    void framesSplitAcrossBoundariesAtEveryPosition() {
        byte[] wire = ByteBufUtil.getBytes(Unpooled.wrappedBuffer(
                frame(P3Samples.QUERY), frame(P3Samples.ACTION), frame(P3Samples.ABORT_REQUEST_107)));
        for (int split = 1; split < wire.length; split++) {
            EmbeddedChannel channel = new EmbeddedChannel(new P3FrameDecoder());

            channel.writeInbound(Unpooled.wrappedBuffer(wire, 0, split));
            channel.writeInbound(Unpooled.wrappedBuffer(wire, split, wire.length - split));

            assertThat(readPayload(channel)).isEqualTo(P3Samples.QUERY);
            assertThat(readPayload(channel)).isEqualTo(P3Samples.ACTION);
            assertThat(readPayload(channel)).isEqualTo(P3Samples.ABORT_REQUEST_107);
            assertThat(channel.finish()).isFalse();
        }
    }

    @Test
    void emptyFrameIsPassedOnAsAnEmptyPayload() {
        EmbeddedChannel channel = new EmbeddedChannel(new P3FrameDecoder());

        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 0}));

        assertThat(readPayload(channel)).isEmpty();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void frameOfExactlyTheMaximumIsAccepted() {
        EmbeddedChannel channel = new EmbeddedChannel(new P3FrameDecoder(P3Samples.utf8(P3Samples.QUERY).length));

        channel.writeInbound(frame(P3Samples.QUERY));

        assertThat(readPayload(channel)).isEqualTo(P3Samples.QUERY);
        assertThat(channel.finish()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {1_048_577L, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL})
    void overLimitLengthFailsAsSoonAsThePrefixIsIn(long length) {
        EmbeddedChannel channel = new EmbeddedChannel(new P3FrameDecoder());

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.buffer().writeInt((int) length)))
                .isInstanceOfSatisfying(P3FrameTooLongException.class, e -> {
                    assertThat(e.announcedLength()).isEqualTo(length);
                    assertThat(e.maxFrameLength()).isEqualTo(1_048_576);
                });
        // anything after the bad prefix is discarded, never decoded
        channel.writeInbound(frame(P3Samples.QUERY));
        assertThat((Object) channel.readInbound()).isNull();
        channel.finishAndReleaseAll();
    }

    @Test
    void overLimitWithBodyBytesAlreadyPresent() {
        EmbeddedChannel channel = new EmbeddedChannel(new P3FrameDecoder(100));

        assertThatThrownBy(() -> channel.writeInbound(frame(P3Samples.ABORT_REQUEST_107)))
                .isInstanceOf(P3FrameTooLongException.class)
                .hasMessage("P3 frame announces 107 payload bytes, more than the maximum of 100");
        channel.finishAndReleaseAll();
    }

    @Test
    void maxFrameLengthIsValidated() {
        assertThatThrownBy(() -> new P3FrameDecoder(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new P3FrameEncoder(Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new P3FrameDecoder().maxFrameLength()).isEqualTo(1_048_576);
    }
}
