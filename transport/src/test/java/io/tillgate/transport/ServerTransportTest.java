package io.tillgate.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guards every listener shares, on a line-echo protocol over real sockets: connection limits in
 * all and per source address, the absolute first-request deadline, the allow-list, and TLS.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ServerTransportTest {

    private static final Duration DEADLINE = Duration.ofMillis(600);

    static {
        // Lets this JVM's client offer TLS 1.0 and 1.1, so that refusing them is the server's doing.
        Security.setProperty("jdk.tls.disabledAlgorithms", "SSLv3, RC4, DES, NULL, anon");
    }

    @TempDir
    Path certificates;

    private ServerTransport transport;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() {
        transport = ServerTransport.create("test", 1);
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        transport.close();
    }

    @Test
    void aConnectionOverTheLimitIsRefusedWhileTheOthersKeepWorking() throws Exception {
        Listener listener = transport.listen(echo().withLimits(new ConnectionLimits(3, 3, Duration.ofSeconds(10))));
        List<Socket> held = List.of(connect(listener, "127.0.0.1"), connect(listener, "127.0.0.1"),
                connect(listener, "127.0.0.1"));
        Socket refused = connect(listener, "127.0.0.1");

        assertThat(closedByPeer(refused)).isTrue();
        for (Socket socket : held) {
            assertThat(echo(socket, "still here")).isEqualTo("still here");
        }
        held.get(0).close();
        awaitConnections(listener, 2);
        assertThat(echo(connect(listener, "127.0.0.1"), "a place came free")).isEqualTo("a place came free");
    }

    @Test
    void oneSourceAddressCannotTakeEveryPlace() throws Exception {
        Listener listener = transport.listen(echo().withLimits(new ConnectionLimits(10, 2, Duration.ofSeconds(10))));
        connect(listener, "127.0.0.1");
        connect(listener, "127.0.0.1");

        assertThat(closedByPeer(connect(listener, "127.0.0.1"))).isTrue();
        assertThat(echo(connect(listener, "127.0.0.2"), "other till")).isEqualTo("other till");
    }

    @Test
    void bytesTrickledInDoNotExtendTheFirstRequestDeadline() throws Exception {
        Listener listener = transport.listen(echo().withLimits(new ConnectionLimits(10, 10, DEADLINE)));
        Socket slow = connect(listener, "127.0.0.1");
        Socket prompt = connect(listener, "127.0.0.1");
        assertThat(echo(prompt, "first")).isEqualTo("first");
        long started = System.nanoTime();
        OutputStream out = slow.getOutputStream();
        while (System.nanoTime() - started < DEADLINE.toNanos() * 2) {
            try {
                out.write('x');
                out.flush();
            } catch (IOException closed) {
                break;
            }
            Thread.sleep(50);
        }

        assertThat(closedByPeer(slow)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DEADLINE.multipliedBy(3));
        Thread.sleep(DEADLINE.toMillis());
        assertThat(echo(prompt, "after the deadline")).as("a connection that sent a whole request stays")
                .isEqualTo("after the deadline");
    }

    @Test
    void anAddressOffTheAllowListIsRefused() throws Exception {
        Listener listener = transport.listen(echo().withAllowed(AddressAllowList.of(List.of("127.0.0.2/32"))));

        assertThat(closedByPeer(connect(listener, "127.0.0.1"))).isTrue();
        assertThat(echo(connect(listener, "127.0.0.2"), "allowed")).isEqualTo("allowed");
        assertThatThrownBy(() -> AddressAllowList.of(List.of("till.local")))
                .hasMessageContaining("'till.local' is not an IP address or subnet");
        assertThatThrownBy(() -> AddressAllowList.of(List.of("10.0.0.0/33"))).hasMessageContaining("prefix");
    }

    @Test
    void tlsServesClientsThatTrustItsCaAndRefusesOthersAndOldProtocols() throws Exception {
        LocalCa ca = LocalCa.create(certificates.resolve("ca"), "Test CA");
        ca.issueServer(List.of("localhost", "127.0.0.1"));
        LocalCa other = LocalCa.create(certificates.resolve("other"), "Other CA");
        Listener listener = transport.listen(echo().withTls(ServerTls.fromPem(
                certificates.resolve("ca").resolve(LocalCa.SERVER_CERTIFICATE),
                certificates.resolve("ca").resolve(LocalCa.SERVER_KEY), null)));

        SSLSocket trusting = tls(listener, ca.caCertificate(), "TLSv1.3");
        assertThat(echo(trusting, "over TLS")).isEqualTo("over TLS");
        assertThat(echo(tls(listener, ca.caCertificate(), "TLSv1.2"), "1.2")).isEqualTo("1.2");
        assertThatThrownBy(() -> echo(tls(listener, other.caCertificate(), "TLSv1.3"), "x"))
                .isInstanceOf(SSLException.class);
        for (String old : List.of("TLSv1", "TLSv1.1")) {
            assertThatThrownBy(() -> echo(tls(listener, ca.caCertificate(), old), "x")).as(old)
                    .isInstanceOf(SSLException.class).hasMessageContaining("protocol_version");
        }
        Socket plaintext = connect(listener, "127.0.0.1");
        plaintext.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(closedByPeer(plaintext)).as("plaintext on a TLS port").isTrue();
    }

    @Test
    void openConnectionsAreCountedPerListenerNameAndAClosedListenerDrops() throws Exception {
        Listener first = transport.listen(echo());
        Listener other = transport.listen(echo("other"));
        echo(connect(first, "127.0.0.1"), "one");
        echo(connect(first, "127.0.0.1"), "two");
        echo(connect(other, "127.0.0.1"), "three");
        awaitConnections(first, 2);

        assertThat(transport.openConnections()).containsExactlyInAnyOrderEntriesOf(Map.of("echo", 2, "other", 1));

        first.close();
        assertThat(transport.openConnections()).containsExactlyInAnyOrderEntriesOf(Map.of("other", 1));
    }

    private ListenerSpec echo() {
        return echo("echo");
    }

    private ListenerSpec echo(String name) {
        return ListenerSpec.of(name, "127.0.0.1", 0, (channel, firstRequest) -> channel.pipeline()
                .addLast(new LineBasedFrameDecoder(1024))
                .addLast(firstRequest)
                .addLast(new StringDecoder(StandardCharsets.US_ASCII), new StringEncoder(StandardCharsets.US_ASCII))
                .addLast(new SimpleChannelInboundHandler<String>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, String line) {
                        ctx.writeAndFlush(line + "\n");
                    }
                }));
    }

    private Socket connect(Listener listener, String source) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
        socket.connect(listener.address(), 2_000);
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** A JDK client trusting {@code caPem} only, offering {@code protocol} only. */
    private SSLSocket tls(Listener listener, Path caPem, String protocol) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = java.nio.file.Files.newInputStream(caPem)) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory managers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        managers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, managers.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(connect(listener, "127.0.0.1"),
                "localhost", listener.address().getPort(), true);
        socket.setEnabledProtocols(new String[] {protocol});
        return socket;
    }

    private static String echo(Socket socket, String line) throws IOException {
        socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }

    private static boolean closedByPeer(Socket socket) {
        try {
            return socket.getInputStream().read() == -1;
        } catch (IOException reset) {
            return true;
        }
    }

    private static void awaitConnections(Listener listener, int count) throws InterruptedException {
        while (listener.openConnections() != count) {
            Thread.sleep(10);
        }
    }
}
