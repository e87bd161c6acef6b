package io.tillgate.p3.server;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.tillgate.core.merchant.Merchant;
import io.tillgate.core.merchant.MerchantDirectory;
import io.tillgate.core.receipt.MerchantDetails;
import io.tillgate.p3.codec.P3Codec;
import io.tillgate.p3.codec.P3DecodingException;
import io.tillgate.p3.codec.P3Device;
import io.tillgate.p3.netty.P3Pipelines;
import io.tillgate.testkit.DecoderContract;
import io.tillgate.testkit.PipelineFuzzing;
import io.tillgate.testkit.StalledPayments;
import io.tillgate.transport.ConnectionLimits;
import io.tillgate.transport.internal.FirstRequestDeadline;
import io.tillgate.transport.internal.ThrottledLog;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Coverage-guided fuzzing of the PayServer's framed-TCP pipeline, as {@link P3Server} builds it, in
 * front of a real payment service: bytes in fuzzed slices, then the POS hangs up. Merchant
 * {@code demo} logs in with secret {@code fuzz-secret} and may use terminal {@code reader1}, as the
 * seeds do.
 *
 * <p>Contract: everything the server writes is a sequence of whole frames, each a P3 message the
 * POS decodes (an answer, or an ERROR_RESPONSE for what the server could not read), nothing but
 * bytes is written, no exception reaches the end of the pipeline, and no buffer leaks (the
 * testkit's leak guard).
 */
class P3TcpPipelineFuzzTest {

    private static final int MAX_FRAME_BYTES = 64 * 1024;
    private static final P3ServerContext CONTEXT = new P3ServerContext(
            new P3ServerConfig("127.0.0.1", 0, 0, MAX_FRAME_BYTES, Duration.ofMinutes(1), Map.of("location", "Fuzz"),
                    40, ZoneId.of("Europe/Berlin")),
            StalledPayments.withTerminal("reader1"),
            new MerchantDirectory(List.of(new Merchant("demo", "fuzz-secret",
                    new MerchantDetails("Demo Shop", null, null, null, null), List.of("reader1")))),
            Map.of("reader1", P3Device.of("Counter 1", "reader1", "MOCK", "MOCK")), LoginObserver.NONE);

    private static final ThrottledLog DEADLINE_LOG = new ThrottledLog(LoggerFactory.getLogger(P3Server.class));

    @FuzzTest
    @DictionaryFile(resourcePath = "/io/tillgate/p3/codec/p3.dict")
    @Timeout(5)
    void connection(FuzzedDataProvider data) {
        // Built before the channel is active, with the listener's first-request deadline, as on a real
        // connection: the handler opens its session when the channel becomes active, and without one
        // every message was an exception.
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new IdleStateHandler(0, 0, 1, TimeUnit.MINUTES));
                P3Pipelines.addTcpCodec(ch.pipeline(), MAX_FRAME_BYTES);
                ch.pipeline().addLast(new FirstRequestDeadline(ConnectionLimits.defaults().firstRequestDeadline(),
                        DEADLINE_LOG, "P3 TCP")).addLast(new P3ServerHandler(CONTEXT));
            }
        });
        PipelineFuzzing.feedInSlices(channel, data, P3TcpPipelineFuzzTest::isP3Frames);
    }

    private static boolean isP3Frames(byte[] answer) {
        ByteBuf frames = Unpooled.wrappedBuffer(answer);
        while (frames.readableBytes() >= Integer.BYTES) {
            long length = frames.readUnsignedInt();
            if (length > frames.readableBytes()) {
                return false;
            }
            byte[] json = new byte[(int) length];
            frames.readBytes(json);
            if (DecoderContract.valueOrDeclared(() -> P3Codec.INSTANCE.decode(json), P3DecodingException.class)
                    .isEmpty()) {
                return false;
            }
        }
        return !frames.isReadable();
    }
}
