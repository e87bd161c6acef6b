package io.tillgate.app.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.app.Gateway;
import io.tillgate.app.config.ConfigLoader;
import io.tillgate.core.money.Money;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.TransactionStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code p3.allowedOrigins}: a browser page from another origin cannot open the P3 WebSocket, one
 * from an allowed origin can, and POS software, which sends no {@code Origin}, is not affected.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WebSocketOriginTest {

    @TempDir
    Path dir;

    @Test
    void onlyAllowedPagesMayOpenTheWebSocketAndPosSoftwareIsUnaffected() throws Exception {
        Path config = dir.resolve("tillgate.yaml");
        Files.writeString(config, """
                gateway: {host: 127.0.0.1}
                journal: {url: memory}
                p3: {websocketPort: 0, tcpPort: 0, allowedOrigins: [https://pos.example.com]}
                merchants: [{id: shop, secret: origin-test-secret, terminals: [sim]}]
                terminals: [{id: sim, speed: fast}]
                """);
        try (Gateway gateway = Gateway.start(ConfigLoader.load(config));
                PayClient pos = PayClient.builder(gateway.p3WebSocketUri()).build()) {
            URI uri = gateway.p3WebSocketUri();

            assertThat(upgrade(uri, "https://evil.example.com")).startsWith("HTTP/1.1 403");
            assertThat(upgrade(uri, "https://pos.example.com")).startsWith("HTTP/1.1 101");
            pos.connect().get(10, TimeUnit.SECONDS);
            pos.login("shop", "origin-test-secret").get(10, TimeUnit.SECONDS);
            assertThat(TransactionStatus.of(pos.charge(ChargeRequest.of("sim", Money.ofMajor("12.00", "EUR")), null)
                    .outcome()
                    .get(10, TimeUnit.SECONDS).transaction())).isEqualTo(TransactionStatus.APPROVED);
        }
    }

    /** The status line answering a browser's WebSocket upgrade from {@code origin}. */
    private static String upgrade(URI uri, String origin) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET /p3 HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\nUpgrade: websocket"
                    + "\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\nOrigin: " + origin + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }
}
