package io.tillgate.nexo.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.netty.resolver.DefaultAddressResolverGroup;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.terminal.TerminalProbeException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The driver's health probe, a Diagnosis, against the nexo emulator and terminals that answer otherwise. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class NexoProbeTest {

    private static final long WAIT_SECONDS = 10;

    @Test
    void theProbeIsADiagnosisTheEmulatorAnswersWithoutALogin() throws Exception {
        try (NexoRig rig = new NexoRig(NexoIntegration.LIGHT)) {
            rig.terminal.probe().get(WAIT_SECONDS, TimeUnit.SECONDS);

            String diagnosis = "<SaleToPOIRequest><MessageHeader ProtocolVersion=\"3.1\" MessageClass=\"Service\" "
                    + "MessageCategory=\"Diagnosis\" MessageType=\"Request\" ServiceID=\"9\" SaleID=\"POS7\" "
                    + "POIID=\"SHOP1-POS7\"/><DiagnosisRequest/></SaleToPOIRequest>";
            String answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(rig.frontEndUri())
                    .POST(HttpRequest.BodyPublishers.ofString(diagnosis)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(answer).as("the probe logged nobody in").doesNotContain("LoggedSaleID")
                    .contains("<POIStatus GlobalStatus=\"OK\"");
            assertThat(rig.emulatorStore.findSince(Instant.EPOCH)).isEmpty();
        }
    }

    @Test
    void aProbeOfAnUnreachableTerminalFailsNamingTheAddress() throws Exception {
        try (NexoRig rig = new NexoRig(NexoIntegration.LIGHT)) {
            int port = freePort();
            NexoTerminal nowhere = new NexoTerminal(NexoTerminalConfig.defaults("nexo9", "127.0.0.1", port),
                    rig.group, DefaultAddressResolverGroup.INSTANCE);

            assertThatThrownBy(() -> nowhere.probe().get(WAIT_SECONDS, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(TerminalProbeException.class, e -> assertThat(e.failure())
                            .isEqualTo(TerminalProbeException.Failure.UNREACHABLE))
                    .hasMessageStartingWith("terminal nexo9 is unreachable: cannot connect to 127.0.0.1:" + port);
        }
    }

    @Test
    void aProbeWhileATransactionRunsIsRefusedAndLeavesItAlone() throws Exception {
        try (NexoRig rig = new NexoRig(NexoIntegration.FULL)) {
            RecordingListener slow = rig.run(NexoRig.sale("10.93"), new RecordingListener());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (rig.payments.runningTransaction("sim1").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }

            assertThatThrownBy(() -> rig.terminal.probe().get(WAIT_SECONDS, TimeUnit.SECONDS))
                    .cause().isInstanceOfSatisfying(TerminalProbeException.class, e -> assertThat(e.failure())
                            .isEqualTo(TerminalProbeException.Failure.BUSY));

            assertThat(slow.await().result()).isEqualTo(TransactionResult.APPROVED);
            rig.terminal.probe().get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBusyTerminalIsThereButDeviceOutOrAnHttpErrorIsAnUnexpectedAnswer() throws Exception {
        assertThat(probeOf(200, "<Response Result=\"Failure\" ErrorCondition=\"Busy\"/>")).isNull();
        assertThat(probeOf(200, "<Response Result=\"Failure\" ErrorCondition=\"DeviceOut\"><AdditionalResponse>"
                + "printer jammed</AdditionalResponse></Response>"))
                .isInstanceOf(TerminalProbeException.class)
                .hasMessage("terminal nexo7 answered unexpectedly: Diagnosis answered Failure/DeviceOut (printer "
                        + "jammed)");
        assertThat(probeOf(404, "")).isInstanceOf(TerminalProbeException.class)
                .hasMessageStartingWith("terminal nexo7 answered unexpectedly: HTTP 404 to Diagnosis (ServiceID ");
    }

    /** What a probe failed with (null if it did not) of a terminal answering {@code status} and {@code response}. */
    private static Throwable probeOf(int status, String response) throws Exception {
        HttpServer terminal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = ("<SaleToPOIResponse><MessageHeader MessageClass=\"Service\" MessageCategory=\"Diagnosis\" "
                + "MessageType=\"Response\" ServiceID=\"1\" SaleID=\"POS7\" POIID=\"SHOP1-POS7\"/><DiagnosisResponse>"
                + response + "</DiagnosisResponse></SaleToPOIResponse>").getBytes(StandardCharsets.UTF_8);
        terminal.createContext("/EPASSaleToPOI/3.1", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status, status == 200 ? body.length : -1);
            try (OutputStream out = exchange.getResponseBody()) {
                if (status == 200) {
                    out.write(body);
                }
            }
        });
        terminal.start();
        try (NexoRig rig = new NexoRig(NexoIntegration.LIGHT)) {
            NexoTerminal driver = new NexoTerminal(NexoTerminalConfig.defaults("nexo7", "127.0.0.1",
                    terminal.getAddress().getPort()).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2),
                    Duration.ofSeconds(2)), rig.group, DefaultAddressResolverGroup.INSTANCE);
            Throwable failure = driver.probe().handle((v, e) -> e).get(WAIT_SECONDS, TimeUnit.SECONDS);
            return failure instanceof CompletionException ? failure.getCause() : failure;
        } finally {
            terminal.stop(0);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
