package io.tillgate.app.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.app.Gateway;
import io.tillgate.app.LoopbackPorts;
import io.tillgate.app.config.ConfigLoader;
import io.tillgate.app.config.Protocol;
import io.tillgate.core.money.Money;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.TransactionStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Slowloris against every listener of a running gateway (P3 WebSocket and TCP, the Concert, IPP and
 * nexo front-ends, the nexo POS listener): 2,000 connections that send one byte a second. A payment
 * still completes in normal time while they are held; the listener, full, refuses one more
 * connection while its existing ones keep working; and every slow connection is closed at the
 * first-request deadline, however many bytes it trickled in.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SlowClientsTest {

    private static final int SLOW = 2_000;
    /** Room for the slow connections and the paying POS on P3. */
    private static final int LIMIT = SLOW + 1;
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final Duration NORMAL_PAYMENT = Duration.ofSeconds(2);
    private static final String SECRET = "slow-clients-secret";

    @TempDir
    static Path dir;

    private static Gateway gateway;
    private static int posListenerPort;

    @BeforeAll
    static void start() throws IOException {
        posListenerPort = LoopbackPorts.free();
        Path config = dir.resolve("tillgate.yaml");
        Files.writeString(config, """
                gateway:
                  host: 127.0.0.1
                  limits: {maxConnections: %d, maxConnectionsPerAddress: %d, firstRequestDeadline: %dms}
                journal: {url: memory}
                p3: {websocketPort: 0, tcpPort: 0}
                merchants: [{id: shop, secret: %s, terminals: [sim, sim-c, sim-i, sim-n, pax]}]
                terminals: [{id: sim, speed: fast}, {id: sim-c, speed: fast}, {id: sim-i, speed: fast},
                            {id: sim-n, speed: fast},
                            {id: pax, type: nexo, host: 127.0.0.1, port: 9, nexo: {integration: full}}]
                nexoListener: {port: %d}
                frontEnds:
                  - {protocol: concert, terminal: sim-c, port: 0}
                  - {protocol: ipp, terminal: sim-i, port: 0}
                  - {protocol: nexo, terminal: sim-n, port: 0}
                """.formatted(LIMIT, LIMIT, DEADLINE.toMillis(), SECRET, posListenerPort));
        gateway = Gateway.start(ConfigLoader.load(config));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"p3-websocket", "p3-tcp", "concert", "ipp", "nexo", "nexo-listener"})
    void slowClientsNeitherStopAPaymentNorOutstayTheDeadline(String listener) throws Exception {
        InetSocketAddress address = address(listener);
        boolean p3 = listener.startsWith("p3");
        byte[] request = endlessRequest(listener);
        List<SocketChannel> slow = new ArrayList<>();
        try (PayClient pos = PayClient.builder(listener.equals("p3-websocket") ? gateway.p3WebSocketUri()
                : gateway.p3TcpUri()).build()) {
            pos.connect().get(10, TimeUnit.SECONDS);
            pos.login("shop", SECRET).get(10, TimeUnit.SECONDS);
            long opened = System.nanoTime();
            // One more than the listener has room for, beside the POS on P3: exactly one is refused.
            for (int i = 0; i < (p3 ? SLOW : LIMIT) + 1; i++) {
                slow.add(connect(address));
            }
            trickle(slow, request, 0);

            long paying = System.nanoTime();
            assertThat(TransactionStatus.of(pos.charge(ChargeRequest.of("sim", Money.ofMajor("12.00", "EUR")), null)
                    .outcome()
                    .get(10, TimeUnit.SECONDS).transaction())).isEqualTo(TransactionStatus.APPROVED);
            assertThat(Duration.ofNanos(System.nanoTime() - paying)).as("a payment beside %d slow clients", slow.size())
                    .isLessThan(NORMAL_PAYMENT);
            TimeUnit.MILLISECONDS.sleep(500);
            assertThat(slow.stream().filter(SlowClientsTest::closed).count()).as("connections refused over the limit")
                    .isEqualTo(1);

            keepTrickling(slow, request, opened, DEADLINE.plusSeconds(2));
            assertThat(slow).as("slow connections after the deadline").allMatch(SlowClientsTest::closed);
            assertThat(TransactionStatus.of(pos.charge(ChargeRequest.of("sim", Money.ofMajor("12.00", "EUR")), null)
                    .outcome()
                    .get(10, TimeUnit.SECONDS).transaction())).as("the POS that sent a whole request is still served")
                    .isEqualTo(TransactionStatus.APPROVED);
        } finally {
            for (SocketChannel socket : slow) {
                socket.close();
            }
        }
    }

    private static InetSocketAddress address(String listener) {
        return switch (listener) {
            case "p3-websocket" -> new InetSocketAddress("127.0.0.1", gateway.p3WebSocketUri().getPort());
            case "p3-tcp" -> new InetSocketAddress("127.0.0.1", gateway.p3TcpUri().getPort());
            case "concert" -> gateway.frontEndAddress(Protocol.CONCERT, "sim-c");
            case "ipp" -> gateway.frontEndAddress(Protocol.IPP, "sim-i");
            case "nexo" -> gateway.frontEndAddress(Protocol.NEXO, "sim-n");
            default -> new InetSocketAddress("127.0.0.1", posListenerPort);
        };
    }

    /**
     * The start of a request that never completes, sent a byte a second: an HTTP request line
     * (WebSocket upgrade, nexo POST), or a length prefix (P3 TCP: 4,096 bytes to come; IPP: 120).
     * Concert has no framing but silence, so a byte followed by a pause is a whole (bad) request
     * there: its slow clients send nothing at all, the other classic way to hold a socket.
     */
    private static byte[] endlessRequest(String listener) {
        return switch (listener) {
            case "p3-websocket" -> "GET /p3 HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII);
            case "nexo", "nexo-listener" -> "POST /EPASSaleToPOI/3.1 HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
            case "p3-tcp" -> new byte[] {0, 0, 0x10, 0, '{', '"'};
            case "ipp" -> new byte[] {0, 120, 'P', 'R', 'O'};
            default -> new byte[0];
        };
    }

    /** Sends byte {@code index} of {@code request} (or a filler beyond its end) on every connection. */
    private static void trickle(List<SocketChannel> sockets, byte[] request, int index) {
        if (request.length == 0) {
            return;
        }
        byte next = index < request.length ? request[index] : (byte) 'x';
        for (SocketChannel socket : sockets) {
            try {
                socket.write(ByteBuffer.wrap(new byte[] {next}));
            } catch (IOException closedByTheGateway) {
                // What the deadline is for.
            }
        }
    }

    private static SocketChannel connect(InetSocketAddress address) throws IOException {
        SocketChannel socket = SocketChannel.open(address);
        socket.configureBlocking(false);
        return socket;
    }

    /** One more byte a second on every slow connection, until {@code until} after they opened. */
    private static void keepTrickling(List<SocketChannel> slow, byte[] request, long openedNanos, Duration until)
            throws InterruptedException {
        for (int index = 1; System.nanoTime() - openedNanos < until.toNanos(); index++) {
            TimeUnit.SECONDS.sleep(1);
            trickle(slow, request, index);
        }
    }

    /** Whether the gateway closed it: a read finds the end of the stream (or a reset), not just no data yet. */
    private static boolean closed(SocketChannel socket) {
        ByteBuffer buffer = ByteBuffer.allocate(256);
        try {
            int read;
            do {
                buffer.clear();
                read = socket.read(buffer);
            } while (read > 0);
            return read == -1;
        } catch (IOException reset) {
            return true;
        }
    }
}
