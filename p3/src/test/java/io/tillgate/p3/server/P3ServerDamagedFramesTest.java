package io.tillgate.p3.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.p3.codec.P3Codec;
import io.tillgate.p3.codec.P3DecodingException;
import io.tillgate.testkit.DamagedTraffic;
import io.tillgate.testkit.RawExchange;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Damaged frames over real TCP connections, several at a time, each after a good login: the
 * gateway answers with whole P3 frames only, or hangs up; it never stalls, leaks no buffer (the
 * testkit's leak guard), and still answers a good request afterwards.
 */
@Timeout(60)
class P3ServerDamagedFramesTest {

    private static final byte[] LOGIN = TcpTestConnection.frame(RequestsToDamage.LOGIN);
    private static final byte[][] REQUESTS = RequestsToDamage.AFTER_LOGIN.stream().map(TcpTestConnection::frame)
            .toArray(byte[][]::new);

    private P3TestGateway gateway;

    @BeforeEach
    void startGateway() {
        gateway = new P3TestGateway();
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void everyDamagedFrameAfterALoginGetsWholeP3FramesOrAClose() throws Exception {
        DamagedTraffic traffic = new DamagedTraffic(gateway.server().tcpAddress(),
                mutator -> afterLogin(mutator.mutate(mutator.pick(REQUESTS))), P3ServerDamagedFramesTest::isP3Frames);

        assertThat(traffic.run(1, 300, 8)).isEmpty();

        byte[] answer = RawExchange.exchange(gateway.server().tcpAddress(), afterLogin(REQUESTS[2]),
                Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(isP3Frames(answer)).isTrue();
        assertThat(new String(answer, StandardCharsets.UTF_8)).contains("\"type\":\"LOGIN_MERCHANT_RESPONSE\"")
                .contains("\"type\":\"QUERY_TRANSACTION_RESPONSE\"");
    }

    @Test
    void noiseGetsWholeP3FramesOrAClose() throws Exception {
        DamagedTraffic traffic = new DamagedTraffic(gateway.server().tcpAddress(), mutator -> mutator.noise(2048),
                P3ServerDamagedFramesTest::isP3Frames);

        assertThat(traffic.run(10_000, 100, 8)).isEmpty();
    }

    private static byte[] afterLogin(byte[] frame) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(LOGIN);
        request.writeBytes(frame);
        return request.toByteArray();
    }

    /** Frames back to back, each a 4-byte length and a message the codec reads. */
    private static boolean isP3Frames(byte[] answer) {
        int at = 0;
        while (at < answer.length) {
            if (answer.length - at < 4) {
                return false;
            }
            int length = (answer[at] & 0xFF) << 24 | (answer[at + 1] & 0xFF) << 16 | (answer[at + 2] & 0xFF) << 8
                    | answer[at + 3] & 0xFF;
            if (length <= 0 || at + 4 + length > answer.length) {
                return false;
            }
            try {
                P3Codec.standard().decode(answer, at + 4, length);
            } catch (P3DecodingException e) {
                return false;
            }
            at += 4 + length;
        }
        return true;
    }
}
