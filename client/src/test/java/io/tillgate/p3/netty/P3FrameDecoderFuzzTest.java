package io.tillgate.p3.netty;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tillgate.testkit.FrameDecoding;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of {@link P3FrameDecoder} over reads cut anywhere, with a fuzzed maximum.
 *
 * <p>Contract: the frames it emits, each put back behind its 4-byte length, are exactly the start
 * of the stream; what it keeps is less than one frame; a length above the maximum ends in one
 * {@link P3FrameTooLongException} naming that length and the maximum, after which nothing is
 * emitted; no buffer is leaked.
 */
class P3FrameDecoderFuzzTest {

    private static final int PREFIX = P3FrameDecoder.LENGTH_FIELD_LENGTH;
    private static final int MAX_FUZZED_MAXIMUM = 512;

    @FuzzTest
    @Timeout(5)
    void frames(FuzzedDataProvider data) {
        // One past the fuzzed maxima: the decoder with its default maximum (1 MiB).
        int chosen = data.consumeInt(0, MAX_FUZZED_MAXIMUM + 1);
        P3FrameDecoder decoder = chosen > MAX_FUZZED_MAXIMUM ? new P3FrameDecoder() : new P3FrameDecoder(chosen);
        int maxFrameLength = decoder.maxFrameLength();

        FrameDecoding.Result result = FrameDecoding.decode(new EmbeddedChannel(decoder), data,
                P3FrameTooLongException.class);
        ByteBuf stream = Unpooled.wrappedBuffer(result.stream());

        for (byte[] frame : result.frames()) {
            assertThat(stream.readUnsignedInt()).as("a frame's length").isEqualTo(frame.length);
            assertThat(ByteBufUtil.getBytes(stream.readSlice(frame.length))).as("a frame's payload").isEqualTo(frame);
        }
        long next = stream.readableBytes() < PREFIX ? -1 : stream.getUnsignedInt(stream.readerIndex());
        if (result.failure() instanceof P3FrameTooLongException tooLong) {
            assertThat(next).as("the length that failed").isGreaterThan(maxFrameLength)
                    .isEqualTo(tooLong.announcedLength());
            assertThat(tooLong.maxFrameLength()).as("the maximum it names").isEqualTo(maxFrameLength);
        } else if (next >= 0) {
            assertThat(next).as("the length of the frame left waiting").isLessThanOrEqualTo(maxFrameLength)
                    .isGreaterThan(stream.readableBytes() - PREFIX);
        }
    }
}
