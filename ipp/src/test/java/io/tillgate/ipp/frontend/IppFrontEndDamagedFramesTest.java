package io.tillgate.ipp.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.ipp.IppTestBench;
import io.tillgate.ipp.codec.IppCodec;
import io.tillgate.ipp.codec.IppDecodingException;
import io.tillgate.ipp.codec.IppMethod;
import io.tillgate.ipp.codec.IppNames;
import io.tillgate.ipp.codec.IppRequest;
import io.tillgate.ipp.codec.IppStatus;
import io.tillgate.testkit.DamagedTraffic;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Damaged frames over real connections, several at a time: the terminal answers with whole IPP
 * frames only (STATUS 2/3/4 for what it cannot read) or hangs up, never stalls, leaks no buffer
 * (the testkit's leak guard), and still answers a good request afterwards.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IppFrontEndDamagedFramesTest {

    private static final byte[][] VALID = {
            IppCodec.encode(new IppRequest(IppRequest.start(IppMethod.PURCHASE, 200, "a1")
                    .text(IppNames.AMOUNT, "12.00").text(IppNames.CURRENCY, "978").build())),
            IppCodec.encode(new IppRequest(IppRequest.start(IppMethod.REFUND, 200, "a2")
                    .text(IppNames.AMOUNT, "1.00").text(IppNames.CURRENCY, "978").build())),
            IppCodec.encode(new IppRequest(IppRequest.start(IppMethod.PING, 202, "a3").build())),
            IppCodec.encode(new IppRequest(IppRequest.start(IppMethod.GET_STATUS, 200, "a4").build())),
            IppCodec.encode(new IppRequest(IppRequest.start(IppMethod.COMPLETE_TX, 200, "a5")
                    .text(IppNames.SID_ORIGINAL, "a1").build()))};

    private IppTestBench bench;

    @BeforeEach
    void start() {
        bench = new IppTestBench(c -> c, c -> c, Duration.ofMillis(300), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        bench.close();
    }

    @Test
    void everyDamagedFrameGetsWholeIppFramesOrAClose() throws Exception {
        DamagedTraffic traffic = new DamagedTraffic(bench.emulatorAddress,
                mutator -> mutator.mutate(mutator.pick(VALID)), IppFrontEndDamagedFramesTest::isWholeIppFrames);

        assertThat(traffic.run(1, 300, 8)).isEmpty();

        try (RawIppClient pos = new RawIppClient(bench.emulatorAddress)) {
            pos.send(new IppRequest(IppRequest.start(IppMethod.PING, 202, "after").build()));
            assertThat(pos.readUntilFinal()).extracting(r -> r.status()).containsExactly(IppStatus.OK, IppStatus.OK);
        }
    }

    @Test
    void noiseGetsWholeIppFramesOrAClose() throws Exception {
        DamagedTraffic traffic = new DamagedTraffic(bench.emulatorAddress, mutator -> mutator.noise(2048),
                IppFrontEndDamagedFramesTest::isWholeIppFrames);

        assertThat(traffic.run(10_000, 100, 8)).isEmpty();
    }

    /** Frames back to back, each with a header counting itself and a body the codec reads. */
    private static boolean isWholeIppFrames(byte[] answer) {
        int at = 0;
        while (at < answer.length) {
            if (answer.length - at < IppCodec.HEADER_LENGTH) {
                return false;
            }
            int length = (answer[at] & 0xFF) << 8 | answer[at + 1] & 0xFF;
            if (length <= IppCodec.HEADER_LENGTH || at + length > answer.length) {
                return false;
            }
            try {
                IppCodec.decodeResponse(answer, at, length);
            } catch (IppDecodingException e) {
                return false;
            }
            at += length;
        }
        return true;
    }
}
