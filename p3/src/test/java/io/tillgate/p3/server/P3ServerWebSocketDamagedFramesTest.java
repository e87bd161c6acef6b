package io.tillgate.p3.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.p3.codec.P3Codec;
import io.tillgate.p3.codec.P3DecodingException;
import io.tillgate.testkit.DamagedTraffic;
import io.tillgate.testkit.RawExchange;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Damaged messages over real WebSocket connections, several at a time, each after a good upgrade
 * and a login: the gateway answers with WebSocket frames only, every text frame a P3 message, or
 * closes; it never stalls, leaks no buffer (the testkit's leak guard), and serves a good request
 * afterwards. Damage goes both into the JSON of a well-formed frame and into the frame bytes.
 */
@Timeout(60)
class P3ServerWebSocketDamagedFramesTest {

    private static final byte[][] REQUESTS = RequestsToDamage.AFTER_LOGIN.stream()
            .map(json -> json.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    private static final int OPCODE_TEXT = 1;
    private static final int OPCODE_CLOSE = 8;

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
    void damagedJsonInWholeFramesGetsP3AnswersOrAClose() throws Exception {
        InetSocketAddress server = gateway.server().webSocketAddress();
        DamagedTraffic traffic = new DamagedTraffic(server, upgrade(server),
                mutator -> afterLogin(textFrame(mutator.mutate(mutator.pick(REQUESTS)))),
                P3ServerWebSocketDamagedFramesTest::isUpgradeThenP3Frames);

        assertThat(traffic.run(1, 200, 8)).isEmpty();

        byte[] answer = RawExchange.exchange(server, upgrade(server), afterLogin(textFrame(REQUESTS[2])),
                Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(isUpgradeThenP3Frames(answer)).isTrue();
        assertThat(new String(answer, StandardCharsets.UTF_8)).contains("\"type\":\"QUERY_TRANSACTION_RESPONSE\"");
    }

    @Test
    void damagedFrameBytesGetP3AnswersOrAClose() throws Exception {
        InetSocketAddress server = gateway.server().webSocketAddress();
        DamagedTraffic traffic = new DamagedTraffic(server, upgrade(server),
                mutator -> afterLogin(mutator.mutate(textFrame(mutator.pick(REQUESTS)))),
                P3ServerWebSocketDamagedFramesTest::isUpgradeThenP3Frames);

        assertThat(traffic.run(10_000, 200, 8)).isEmpty();
    }

    @Test
    void aTextMessageThatIsNotUtf8IsClosedWith1007AndOneCloseFrameOnly() throws Exception {
        InetSocketAddress server = gateway.server().webSocketAddress();
        byte[] notUtf8 = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        byte[] answer = RawExchange.exchange(server, upgrade(server), textFrame(notUtf8), Duration.ofSeconds(1),
                Duration.ofSeconds(5));

        String text = new String(answer, StandardCharsets.ISO_8859_1);
        String frames = text.substring(text.indexOf("\r\n\r\n") + 4);
        String reason = "P3 messages are UTF-8 text";
        assertThat(frames).isEqualTo("\u0088" + (char) (2 + reason.length()) + "\u0003\u00ef" + reason);
    }

    /** The WebSocket upgrade, which a client must see answered before it sends a frame (RFC 6455 §4.1). */
    private static RawExchange.Opening upgrade(InetSocketAddress server) {
        byte[] request = ("GET /p3 HTTP/1.1\r\nHost: 127.0.0.1:" + server.getPort() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        return new RawExchange.Opening(request,
                answer -> new String(answer, StandardCharsets.ISO_8859_1).contains("\r\n\r\n"));
    }

    /** A login in its own frame, then {@code frame}. */
    private static byte[] afterLogin(byte[] frame) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(textFrame(RequestsToDamage.LOGIN.getBytes(StandardCharsets.UTF_8)));
        bytes.writeBytes(frame);
        return bytes.toByteArray();
    }

    /** A final, masked text frame, as a client must send it (RFC 6455 §5.2). */
    private static byte[] textFrame(byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | OPCODE_TEXT);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        }
        byte[] mask = {0x37, (byte) 0xFA, 0x21, 0x3D};
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        return frame.toByteArray();
    }

    /**
     * An empty answer (the gateway closed), or a 101 head followed by whole server frames: text
     * frames that decode as P3 messages and, at most once and last, a close frame.
     */
    private static boolean isUpgradeThenP3Frames(byte[] answer) {
        if (answer.length == 0) {
            return true;
        }
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int head = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 101 ") || head < 0) {
            return false;
        }
        int at = head + 4;
        while (at < answer.length) {
            if (answer.length - at < 2 || (answer[at + 1] & 0x80) != 0) {
                return false; // cut short, or masked: a server never masks
            }
            int opcode = answer[at] & 0x0F;
            int length = answer[at + 1] & 0x7F;
            int start = at + 2;
            if (length == 126) {
                if (answer.length - at < 4) {
                    return false;
                }
                length = (answer[at + 2] & 0xFF) << 8 | answer[at + 3] & 0xFF;
                start = at + 4;
            } else if (length == 127) {
                return false; // no P3 answer comes near 64 KiB
            }
            if (start + length > answer.length) {
                return false;
            }
            if (opcode == OPCODE_CLOSE) {
                return start + length == answer.length;
            }
            if (opcode != OPCODE_TEXT || !decodes(Arrays.copyOfRange(answer, start, start + length))) {
                return false;
            }
            at = start + length;
        }
        return true;
    }

    private static boolean decodes(byte[] json) {
        try {
            P3Codec.standard().decode(json);
            return true;
        } catch (P3DecodingException e) {
            return false;
        }
    }
}
