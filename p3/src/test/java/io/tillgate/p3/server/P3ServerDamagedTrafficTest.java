package io.tillgate.p3.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.p3.codec.P3Codec;
import io.tillgate.p3.codec.P3DecodingException;
import io.tillgate.p3.codec.P3Samples;
import io.tillgate.testkit.DamagedTraffic;
import io.tillgate.testkit.RawExchange;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Damaged traffic over real connections, several at a time, on both transports. Each damaged
 * message follows a good login (and, on WebSocket, a good upgrade). The gateway answers with whole
 * P3 frames only (on WebSocket: text frames holding P3 messages, then at most one close frame), or
 * hangs up; it never stalls, leaks no buffer (the testkit's leak guard), and still answers a good
 * request afterwards. On WebSocket, damage goes both into the JSON of a well-formed frame and into
 * the frame bytes.
 */
@Timeout(60)
class P3ServerDamagedTrafficTest {

    private static final byte[] LOGIN = ("{\"type\":\"LOGIN_MERCHANT_REQUEST\",\"tag\":\"l1\",\"loginMerchantRequest\":"
            + "{\"providerMode\":\"TEST\",\"merchantIdentifier\":\"demo\",\"merchantSecret\":\"" + P3TestGateway.SECRET
            + "\"}}").getBytes(StandardCharsets.UTF_8);
    /** The sample requests of docs/protocols/p3.md, on the gateway's first reader. The third is a query. */
    private static final byte[][] REQUESTS = Stream.of(P3Samples.EXECUTE_WITH_TIP, P3Samples.REFUND, P3Samples.QUERY,
                    P3Samples.ABORT_REQUEST_107, P3Samples.SUBMIT_SIGNATURE_ON_RECEIPT)
            .map(sample -> P3Samples.compact(sample).replace("usbReader", "reader1").getBytes(StandardCharsets.UTF_8))
            .toArray(byte[][]::new);
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
    void tcpDamagedFramesAfterALoginGetWholeP3FramesOrAClose() throws Exception {
        InetSocketAddress server = gateway.server().tcpAddress();
        DamagedTraffic traffic = new DamagedTraffic(server,
                mutator -> afterTcpLogin(mutator.mutate(tcpFrame(mutator.pick(REQUESTS)))),
                P3ServerDamagedTrafficTest::isTcpP3Frames);

        assertThat(traffic.run(1, 300, 8)).isEmpty();

        byte[] answer = RawExchange.exchange(server, afterTcpLogin(tcpFrame(REQUESTS[2])), Duration.ofSeconds(1),
                Duration.ofSeconds(5));
        assertThat(isTcpP3Frames(answer)).isTrue();
        assertThat(new String(answer, StandardCharsets.UTF_8)).contains("\"type\":\"LOGIN_MERCHANT_RESPONSE\"")
                .contains("\"type\":\"QUERY_TRANSACTION_RESPONSE\"");
    }

    @Test
    void tcpNoiseGetsWholeP3FramesOrAClose() throws Exception {
        DamagedTraffic traffic = new DamagedTraffic(gateway.server().tcpAddress(), mutator -> mutator.noise(2048),
                P3ServerDamagedTrafficTest::isTcpP3Frames);

        assertThat(traffic.run(10_000, 100, 8)).isEmpty();
    }

    @Test
    void webSocketDamagedJsonInWholeFramesGetsP3AnswersOrAClose() throws Exception {
        InetSocketAddress server = gateway.server().webSocketAddress();
        DamagedTraffic traffic = new DamagedTraffic(server, upgrade(server),
                mutator -> afterWebSocketLogin(textFrame(mutator.mutate(mutator.pick(REQUESTS)))),
                P3ServerDamagedTrafficTest::isUpgradeThenP3Frames);

        assertThat(traffic.run(1, 200, 8)).isEmpty();

        byte[] answer = RawExchange.exchange(server, upgrade(server), afterWebSocketLogin(textFrame(REQUESTS[2])),
                Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(isUpgradeThenP3Frames(answer)).isTrue();
        assertThat(new String(answer, StandardCharsets.UTF_8)).contains("\"type\":\"QUERY_TRANSACTION_RESPONSE\"");
    }

    @Test
    void webSocketDamagedFrameBytesGetP3AnswersOrAClose() throws Exception {
        InetSocketAddress server = gateway.server().webSocketAddress();
        DamagedTraffic traffic = new DamagedTraffic(server, upgrade(server),
                mutator -> afterWebSocketLogin(mutator.mutate(textFrame(mutator.pick(REQUESTS)))),
                P3ServerDamagedTrafficTest::isUpgradeThenP3Frames);

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

    private static byte[] afterTcpLogin(byte[] frame) {
        return concat(tcpFrame(LOGIN), frame);
    }

    private static byte[] afterWebSocketLogin(byte[] frame) {
        return concat(textFrame(LOGIN), frame);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(first.length + second.length);
        bytes.writeBytes(first);
        bytes.writeBytes(second);
        return bytes.toByteArray();
    }

    private static byte[] tcpFrame(byte[] json) {
        return TcpTestConnection.frame(new String(json, StandardCharsets.UTF_8));
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

    /** Frames back to back, each a 4-byte length and a message the codec reads. */
    private static boolean isTcpP3Frames(byte[] answer) {
        int at = 0;
        while (at < answer.length) {
            if (answer.length - at < 4) {
                return false;
            }
            int length = (answer[at] & 0xFF) << 24 | (answer[at + 1] & 0xFF) << 16 | (answer[at + 2] & 0xFF) << 8
                    | answer[at + 3] & 0xFF;
            if (length <= 0 || at + 4 + length > answer.length || !decodes(answer, at + 4, length)) {
                return false;
            }
            at += 4 + length;
        }
        return true;
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
            if (opcode != OPCODE_TEXT || !decodes(answer, start, length)) {
                return false;
            }
            at = start + length;
        }
        return true;
    }

    private static boolean decodes(byte[] bytes, int offset, int length) {
        try {
            P3Codec.standard().decode(bytes, offset, length);
            return true;
        } catch (P3DecodingException e) {
            return false;
        }
    }
}
