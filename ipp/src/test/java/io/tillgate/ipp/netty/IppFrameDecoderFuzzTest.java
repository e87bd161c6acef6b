package io.tillgate.ipp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.tillgate.ipp.codec.IppCodec;
import io.tillgate.testkit.FrameDecoding;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of {@link IppFrameDecoder} over reads cut anywhere, with a fuzzed maximum.
 *
 * <p>Contract: the frames it emits, headers included, are exactly the start of the stream; what it
 * keeps is less than one frame; a header below 3 or above the maximum ends in one
 * {@link DecoderException} (corrupted or too long), after which nothing is emitted; no buffer is
 * leaked.
 */
class IppFrameDecoderFuzzTest {

    private static final int MAX_FUZZED_MAXIMUM = 1024;

    @FuzzTest
    @Timeout(5)
    void frames(FuzzedDataProvider data) {
        // One past the fuzzed maxima: the decoder with its default maximum, the largest an IPP header holds.
        int chosen = data.consumeInt(IppCodec.HEADER_LENGTH + 1, MAX_FUZZED_MAXIMUM + 1);
        boolean protocolMaximum = chosen > MAX_FUZZED_MAXIMUM;
        IppFrameDecoder decoder = protocolMaximum ? new IppFrameDecoder() : new IppFrameDecoder(chosen);
        int maxFrameLength = protocolMaximum ? IppCodec.MAX_FRAME_LENGTH : chosen;

        FrameDecoding.Result result = FrameDecoding.decode(new EmbeddedChannel(decoder), data,
                DecoderException.class);
        ByteBuf stream = Unpooled.wrappedBuffer(result.stream());

        for (byte[] frame : result.frames()) {
            assertThat(ByteBufUtil.getBytes(stream.readSlice(frame.length))).as("a frame").isEqualTo(frame);
            assertThat(frame.length).as("a frame's header").isEqualTo(((frame[0] & 0xFF) << 8) | (frame[1] & 0xFF));
        }
        int next = stream.readableBytes() < IppCodec.HEADER_LENGTH ? -1 : stream.getUnsignedShort(stream.readerIndex());
        if (result.failure() != null) {
            assertThat(next).as("the header that failed").satisfiesAnyOf(
                    header -> assertThat(header).isLessThan(IppCodec.HEADER_LENGTH + 1),
                    header -> assertThat(header).isGreaterThan(maxFrameLength));
        } else if (next >= 0) {
            assertThat(next).as("the header of the frame left waiting").isBetween(IppCodec.HEADER_LENGTH + 1,
                    maxFrameLength).isGreaterThan(stream.readableBytes());
        }
    }
}
