package io.tillgate.concert.frontend;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tillgate.concert.codec.ConcertDecodingException;
import io.tillgate.concert.codec.ConcertTag;
import io.tillgate.concert.codec.TlvDecoder;
import io.tillgate.concert.netty.ConcertMessageCodec;
import io.tillgate.testkit.DecoderContract;
import io.tillgate.testkit.PipelineFuzzing;
import io.tillgate.testkit.StalledPayments;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the Concert front-end's whole pipeline, as {@link ConcertFrontEnd}
 * builds it, in front of a real payment service: bytes in fuzzed slices, then the POS hangs up.
 *
 * <p>Contract: the terminal answers with one Concert answer ({@code CZ} first, an {@code AE}) or
 * nothing, nothing but bytes is written, no exception reaches the end of the pipeline, and no
 * buffer leaks (the testkit's leak guard). The quiet interval is zero here, so a request ends when
 * its items are whole, or at once when its first read holds every tag its action requires; the
 * interval itself is fuzzed by {@code ConcertFrameDecoderFuzzTest}.
 */
class ConcertPipelineFuzzTest {

    private static final ConcertFrontEndContext CONTEXT = new ConcertFrontEndContext(
            ConcertFrontEndConfig.defaults("demo", "sim-1").withTimeouts(Duration.ZERO, Duration.ofMinutes(1)),
            StalledPayments.withTerminal("sim-1"));

    @FuzzTest
    @DictionaryFile(resourcePath = "/io/tillgate/concert/codec/concert.dict")
    @Timeout(5)
    void connection(FuzzedDataProvider data) {
        ConcertFrontEndConfig config = CONTEXT.config();
        EmbeddedChannel channel = new EmbeddedChannel(
                ConcertFrontEnd.requestFrameDecoder(config),
                new ConcertMessageCodec(),
                new ConcertSession(CONTEXT));
        PipelineFuzzing.feedInSlices(channel, data, ConcertPipelineFuzzTest::isConcertAnswer);
    }

    private static boolean isConcertAnswer(byte[] answer) {
        return answer.length == 0 || DecoderContract.valueOrDeclared(() -> TlvDecoder.decode(answer),
                ConcertDecodingException.class)
                .filter(message -> message.items().get(0).type().equals(ConcertTag.CZ.code()))
                .filter(message -> message.contains(ConcertTag.AE))
                .isPresent();
    }
}
