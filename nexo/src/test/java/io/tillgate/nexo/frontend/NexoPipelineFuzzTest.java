package io.tillgate.nexo.frontend;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.tillgate.nexo.codec.NexoCodec;
import io.tillgate.nexo.codec.NexoDecodingException;
import io.tillgate.nexo.internal.NexoHttpClient;
import io.tillgate.nexo.netty.NexoServerPipeline;
import io.tillgate.testkit.DecoderContract;
import io.tillgate.testkit.PipelineFuzzing;
import io.tillgate.testkit.StalledPayments;
import io.tillgate.transport.ConnectionLimits;
import io.tillgate.transport.internal.FirstRequestDeadline;
import io.tillgate.transport.internal.ThrottledLog;
import java.time.Clock;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Coverage-guided fuzzing of the nexo front-end's HTTP pipeline, as {@link NexoFrontEnd} builds it
 * for light integration, in front of a real payment service: bytes in fuzzed slices, then the POS
 * hangs up.
 *
 * <p>Contract: everything the terminal writes is a sequence of whole HTTP responses, each a 200
 * whose body is a SaleToPOIResponse the POS decodes, a 204, a 4xx, or the interim 100 Continue of a
 * request that asked for it; never a 5xx, nothing but
 * bytes, no exception at the end of the pipeline, and no buffer leaked (the testkit's leak guard).
 */
class NexoPipelineFuzzTest {

    private static final NexoCodec CODEC = new NexoCodec();
    private static final NexoFrontEndConfig CONFIG = NexoFrontEndConfig.defaults("demo", "sim1");
    /** Light integration never calls the POS, so its client has no event loop to connect on. */
    private static final FrontEndContext CONTEXT = new FrontEndContext(CONFIG, StalledPayments.withTerminal("sim1"),
            CODEC, new NexoHttpClient(null, null, CONFIG.maxBodyBytes(), CONFIG.posRequestTimeout()), null,
            Clock.systemUTC());
    private static final ThrottledLog DEADLINE_LOG = new ThrottledLog(LoggerFactory.getLogger(NexoFrontEnd.class));

    @FuzzTest
    @DictionaryFile(resourcePath = "/io/tillgate/nexo/codec/nexo.dict")
    @Timeout(5)
    void connection(FuzzedDataProvider data) {
        // Built before the channel is active and with the listener's first-request deadline, as the
        // front-end's listener builds it on a real connection.
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                NexoServerPipeline.install(ch.pipeline(), CODEC, CONFIG.idleTimeout(), "nexo front-end",
                        new FirstRequestDeadline(ConnectionLimits.defaults().firstRequestDeadline(), DEADLINE_LOG,
                                "nexo front-end"), new FrontEndHandler(CONTEXT));
            }
        });
        PipelineFuzzing.feedInSlices(channel, data, NexoPipelineFuzzTest::isNexoAnswers);
    }

    private static boolean isNexoAnswers(byte[] answer) {
        EmbeddedChannel pos = new EmbeddedChannel(new HttpResponseDecoder(), new HttpObjectAggregator(1 << 20));
        try {
            pos.writeInbound(Unpooled.wrappedBuffer(answer));
            pos.finish();
            for (Object message = pos.readInbound(); message != null; message = pos.readInbound()) {
                FullHttpResponse response = (FullHttpResponse) message;
                try {
                    if (!isNexoAnswer(response)) {
                        return false;
                    }
                } finally {
                    response.release();
                }
            }
            return true;
        } finally {
            pos.finishAndReleaseAll();
        }
    }

    private static boolean isNexoAnswer(FullHttpResponse response) {
        int status = response.status().code();
        if (response.decoderResult().isFailure()) {
            return false;
        }
        if (status == 100 || status == 204 || (status >= 400 && status < 500)) {
            return true;
        }
        byte[] body = ByteBufUtil.getBytes(response.content());
        return status == 200 && DecoderContract.valueOrDeclared(() -> CODEC.decodeResponse(body),
                NexoDecodingException.class).isPresent();
    }
}
