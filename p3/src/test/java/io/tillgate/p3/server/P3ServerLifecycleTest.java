package io.tillgate.p3.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.core.merchant.MerchantDirectory;
import io.tillgate.core.service.PaymentService;
import io.tillgate.core.transaction.InMemoryTransactionStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Binding, closing, and what the WebSocket listener does with anything that is not a P3 text message. */
@Timeout(20)
class P3ServerLifecycleTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void aPortInUseFailsStartNamingItAndLeavesNothingBound() throws IOException {
        int webSocketPort = freePort();
        try (ServerSocket occupied = new ServerSocket(0, 50, LOOPBACK);
                PaymentService payments = new PaymentService(List.of(), new InMemoryTransactionStore())) {
            int tcpPort = occupied.getLocalPort();
            P3Server server = new P3Server(config(webSocketPort, tcpPort), payments,
                    new MerchantDirectory(List.of()), Map.of());

            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class)
                    .hasMessage("P3 TCP port " + tcpPort + " on 127.0.0.1 is already in use");
            try (ServerSocket released = new ServerSocket(webSocketPort, 50, LOOPBACK)) {
                assertThat(released.getLocalPort()).isEqualTo(webSocketPort);
            }
            assertThatThrownBy(server::webSocketAddress).isInstanceOf(IllegalStateException.class);
            server.close();
        }
    }

    @Test
    void closeIsIdempotentAndFreesThePorts() throws IOException {
        P3TestGateway gateway = new P3TestGateway();
        P3Server server = gateway.server();
        int webSocketPort = server.webSocketAddress().getPort();
        int tcpPort = server.tcpAddress().getPort();
        assertThat(webSocketPort).isPositive().isNotEqualTo(tcpPort);
        gateway.close();
        server.close();
        try (ServerSocket ws = new ServerSocket(webSocketPort, 50, LOOPBACK);
                ServerSocket tcp = new ServerSocket(tcpPort, 50, LOOPBACK)) {
            assertThat(ws.isBound() && tcp.isBound()).isTrue();
        }
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("P3 server was already started");
    }

    @Test
    void webSocketUpgradeIsAcceptedOnTheRootPathToo() {
        try (P3TestGateway gateway = new P3TestGateway();
                P3TestPos pos = new P3TestPos(new WebSocketTestConnection(gateway.webSocketUri("/")))) {
            assertThat(pos.login().path("status").asText()).isEqualTo("OK");
        }
    }

    @Test
    void otherPathsAre404AndPlainHttpIs400() throws Exception {
        try (P3TestGateway gateway = new P3TestGateway()) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + gateway.server().webSocketAddress().getPort();
            HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(base + "/other")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).isEqualTo(404);
            HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(base + "/p3")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isEqualTo(400);
            assertThat(plain.body()).contains("WebSocket");
            assertThatThrownBy(() -> new WebSocketTestConnection(gateway.webSocketUri("/elsewhere")))
                    .isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void binaryMessageClosesWith1003() {
        try (P3TestGateway gateway = new P3TestGateway();
                WebSocketTestConnection ws = new WebSocketTestConnection(gateway.webSocketUri("/p3"))) {
            ws.sendBytes("{\"type\":\"LOGIN_MERCHANT_REQUEST\"}".getBytes());
            assertThat(ws.awaitClosed(Duration.ofSeconds(5))).isTrue();
            assertThat(ws.closeCode()).isEqualTo(1003);
        }
    }

    @Test
    void overLimitMessageClosesWith1009() {
        try (P3TestGateway gateway = new P3TestGateway();
                WebSocketTestConnection ws = new WebSocketTestConnection(gateway.webSocketUri("/p3"))) {
            ws.send("{\"tag\":\"" + "x".repeat(P3TestGateway.MAX_FRAME_BYTES) + "\"}");
            assertThat(ws.awaitClosed(Duration.ofSeconds(5))).isTrue();
            assertThat(ws.closeCode()).isEqualTo(1009);
        }
    }

    @Test
    void idleConnectionsAreClosed() {
        try (P3TestGateway gateway = new P3TestGateway(Duration.ofMillis(200))) {
            for (P3TestGateway.Transport transport : P3TestGateway.Transport.values()) {
                try (P3TestConnection connection = gateway.connect(transport)) {
                    assertThat(connection.awaitClosed(Duration.ofSeconds(5))).as("%s", transport).isTrue();
                }
            }
        }
    }

    private static P3ServerConfig config(int webSocketPort, int tcpPort) {
        return new P3ServerConfig("127.0.0.1", webSocketPort, tcpPort, 1 << 20, Duration.ofMinutes(1), Map.of(), 40,
                ZoneOffset.UTC);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 50, LOOPBACK)) {
            return probe.getLocalPort();
        }
    }
}
