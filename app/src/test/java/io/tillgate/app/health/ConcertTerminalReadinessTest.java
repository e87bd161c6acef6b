package io.tillgate.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tillgate.app.Gateway;
import io.tillgate.app.config.ConfigLoader;
import io.tillgate.app.config.Protocol;
import io.tillgate.core.health.Reachability;
import io.tillgate.core.health.TerminalHealth;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's health monitor over a real Concert terminal: the Concert emulator (a gateway of its
 * own, a Concert front-end in front of a simulated terminal, over loopback) stops, and the gateway's
 * terminal goes OFFLINE; it starts again on the same port, and the terminal is ONLINE again.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConcertTerminalReadinessTest {

    @TempDir
    Path dir;

    @Test
    void aConcertTerminalWhoseEmulatorStopsGoesOfflineAndComesBackOnlineOnTheSamePort() throws Exception {
        Gateway emulator = emulator(0);
        int port = emulator.frontEndAddress(Protocol.CONCERT, "e1").getPort();
        List<String> changes = new CopyOnWriteArrayList<>();
        try (Gateway gateway = Gateway.start(ConfigLoader.load(gatewayConfig(port)))) {
            gateway.health().subscribe((before, after) -> changes.add(after.terminalId() + " "
                    + before.reachability() + "→" + after.reachability()));
            TerminalHealth online = await(gateway, Reachability.ONLINE);
            assertThat(online.lastSeen()).isEqualTo(online.lastChecked());
            assertThat(gateway.health().health("sim").orElseThrow().reachability()).isEqualTo(Reachability.ONLINE);
            changes.clear();

            emulator.close();
            TerminalHealth offline = await(gateway, Reachability.OFFLINE);
            assertThat(offline.lastFailure()).startsWith("terminal caisse is unreachable: cannot connect to "
                    + "127.0.0.1:" + port + ": ");
            assertThat(offline.lastSeen()).isEqualTo(online.lastSeen());
            JsonNode ready = ready(gateway);
            assertThat(ready.path("status").asText()).as("the other terminal still takes payments").isEqualTo("UP");
            assertThat(ready.at("/checks/terminals/caisse/status").asText()).isEqualTo("DOWN");
            assertThat(ready.at("/checks/terminals/caisse/state").asText()).isEqualTo("OFFLINE");
            assertThat(ready.at("/checks/terminals/caisse/lastFailure").asText()).contains("cannot connect");
            assertThat(ready.at("/checks/terminals/sim/status").asText()).isEqualTo("UP");

            emulator = emulator(port);
            TerminalHealth back = await(gateway, Reachability.ONLINE);
            assertThat(back.lastSeen()).isAfter(offline.lastChecked());
            assertThat(changes).containsExactly("caisse ONLINE→OFFLINE", "caisse OFFLINE→ONLINE");
            assertThat(ready(gateway).at("/checks/terminals/caisse/status").asText()).isEqualTo("UP");
            assertThat(gateway.health().all()).extracting(TerminalHealth::terminalId).containsExactly("caisse", "sim");
        } finally {
            emulator.close();
        }
    }

    /** What {@code /health/ready} of the gateway's admin listener answers, over HTTP. */
    private static JsonNode ready(Gateway gateway) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(gateway.adminUri().resolve("/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(answer.body());
    }

    /** Waits until the gateway's terminal {@code caisse} is {@code expected}, probing every 200 ms. */
    private static TerminalHealth await(Gateway gateway, Reachability expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            TerminalHealth health = gateway.health().health("caisse").orElseThrow();
            if (health.reachability() == expected) {
                return health;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("terminal caisse is still " + health + ", not " + expected);
            }
            Thread.sleep(20);
        }
    }

    private Gateway emulator(int port) throws Exception {
        Path file = dir.resolve("emulator.yaml");
        Files.writeString(file, """
                gateway: {host: 127.0.0.1}
                journal: {url: memory}
                p3: {enabled: false}
                merchants: [{id: emulator, secret: emulator-secret, terminals: [e1]}]
                terminals: [{id: e1, speed: fast}]
                frontEnds: [{protocol: concert, port: %d, terminal: e1}]
                """.formatted(port));
        return Gateway.start(ConfigLoader.load(file));
    }

    private Path gatewayConfig(int concertPort) throws Exception {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, """
                gateway:
                  host: 127.0.0.1
                  health: {interval: 200ms, timeout: 150ms}
                journal: {url: memory}
                p3: {enabled: false}
                admin: {port: 0}
                merchants: [{id: shop, secret: readiness-secret, terminals: [caisse, sim]}]
                terminals:
                  - {id: caisse, type: concert, host: 127.0.0.1, port: %d}
                  - {id: sim, speed: fast}
                """.formatted(concertPort));
        return file;
    }
}
