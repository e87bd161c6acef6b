package io.tillgate.ipp.frontend;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.tillgate.ipp.codec.IppCodec;
import io.tillgate.ipp.codec.IppDecodingException;
import io.tillgate.ipp.frontend.internal.IppConnectionHandler;
import io.tillgate.ipp.netty.IppFrameDecoder;
import io.tillgate.ipp.netty.IppMessageCodec;
import io.tillgate.testkit.DecoderContract;
import io.tillgate.testkit.PipelineFuzzing;
import io.tillgate.testkit.StalledPayments;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the IPP front-end's whole pipeline, as {@link IppFrontEnd} builds it,
 * in front of a real payment service: bytes in fuzzed slices, then the POS hangs up.
 *
 * <p>Contract: everything the terminal writes is a sequence of whole IPP frames that the POS
 * decodes as terminal responses (a STATUS for what it could not read, not silence), nothing but
 * bytes is written, no exception reaches the end of the pipeline, and no buffer leaks (the
 * testkit's leak guard).
 */
class IppPipelineFuzzTest {

    private static final IppFrontEndConfig CONFIG = IppFrontEndConfig.defaults("demo", "sim-1");
    private static final Supplier<IppConnectionHandler> HANDLERS = IppConnectionHandler.factory(CONFIG,
            StalledPayments.withTerminal("sim-1"));

    @FuzzTest
    @DictionaryFile(resourcePath = "/io/tillgate/ipp/codec/ipp.dict")
    @Timeout(5)
    void connection(FuzzedDataProvider data) {
        EmbeddedChannel channel = new EmbeddedChannel(
                new IdleStateHandler(0, 0, CONFIG.idleTimeout().toMillis(), TimeUnit.MILLISECONDS),
                new IppFrameDecoder(CONFIG.maxFrameLength()),
                IppMessageCodec.terminalSide(),
                HANDLERS.get());
        PipelineFuzzing.feedInSlices(channel, data, IppPipelineFuzzTest::isIppResponses);
    }

    private static boolean isIppResponses(byte[] answer) {
        ByteBuf frames = Unpooled.wrappedBuffer(answer);
        while (frames.readableBytes() >= IppCodec.HEADER_LENGTH) {
            int length = frames.getUnsignedShort(frames.readerIndex());
            if (length > frames.readableBytes() || length <= IppCodec.HEADER_LENGTH) {
                return false;
            }
            byte[] frame = new byte[length];
            frames.readBytes(frame);
            if (DecoderContract.valueOrDeclared(() -> IppCodec.decodeResponse(frame), IppDecodingException.class)
                    .isEmpty()) {
                return false;
            }
        }
        return !frames.isReadable();
    }
}
