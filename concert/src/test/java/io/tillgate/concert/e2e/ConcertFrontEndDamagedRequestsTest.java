package io.tillgate.concert.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.concert.codec.ConcertDecodingException;
import io.tillgate.concert.codec.ConcertSamples;
import io.tillgate.concert.codec.ConcertTag;
import io.tillgate.concert.codec.TlvDecoder;
import io.tillgate.concert.codec.TlvMessage;
import io.tillgate.testkit.DamagedTraffic;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Damaged requests over real connections, several at a time: the terminal answers each with a
 * Concert answer (CZ first, an AE) or hangs up, never stalls, leaks no buffer (the testkit's
 * leak guard), and still answers a good request afterwards.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConcertFrontEndDamagedRequestsTest {

    private static final byte[][] VALID = ConcertSamples.REQUESTS.stream()
            .map(request -> request.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);

    private ConcertEmulator emulator;

    @BeforeEach
    void start() {
        emulator = new ConcertEmulator();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void everyDamagedRequestGetsAConcertAnswerOrAClose() throws Exception {
        DamagedTraffic traffic = new DamagedTraffic(emulator.address(),
                mutator -> mutator.mutate(mutator.pick(VALID)), ConcertFrontEndDamagedRequestsTest::isConcertAnswer);

        assertThat(traffic.run(1, 300, 8)).isEmpty();

        String identification = "CZ0040300CJ012" + "012345678901" + "CA00201CD001I";
        assertThat(RawPos.exchange(emulator.address(), identification)).isEqualTo(identification + "AE00210");
    }

    @Test
    void noiseGetsAConcertAnswerOrAClose() throws Exception {
        DamagedTraffic traffic = new DamagedTraffic(emulator.address(), mutator -> mutator.noise(2048),
                ConcertFrontEndDamagedRequestsTest::isConcertAnswer);

        assertThat(traffic.run(10_000, 100, 8)).isEmpty();
    }

    private static boolean isConcertAnswer(byte[] answer) {
        if (answer.length == 0) {
            return true;
        }
        try {
            TlvMessage message = TlvDecoder.decode(answer);
            return message.items().get(0).type().equals(ConcertTag.CZ.code()) && message.contains(ConcertTag.AE);
        } catch (ConcertDecodingException e) {
            return false;
        }
    }
}
