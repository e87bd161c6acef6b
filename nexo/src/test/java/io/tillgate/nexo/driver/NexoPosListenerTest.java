package io.tillgate.nexo.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.core.payment.TransactionResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The POS listener's own duties: demultiplexing by POIID, maintenance, and the config's checks. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class NexoPosListenerTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private HttpResponse<String> post(URI uri, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String device(String poiId, String category, String body) {
        return "<SaleToPOIRequest><MessageHeader MessageClass=\"Device\" MessageCategory=\"" + category + "\" "
                + "MessageType=\"Request\" ServiceID=\"1\" DeviceID=\"1\" SaleID=\"POS7\" POIID=\"" + poiId + "\"/>"
                + body + "</SaleToPOIRequest>";
    }

    @Test
    void maintenanceRequestLogsOutAndTheNextTransactionLogsInAgain() throws Exception {
        try (NexoRig rig = new NexoRig(NexoIntegration.FULL)) {
            assertThat(rig.run(NexoRig.sale("1.00"), new RecordingListener()).await().result())
                    .isEqualTo(TransactionResult.APPROVED);
            String event = "<SaleToPOIRequest><MessageHeader MessageClass=\"Event\" MessageCategory=\"Event\" "
                    + "MessageType=\"Notification\" ServiceID=\"7\" SaleID=\"POS7\" POIID=\"SHOP1-POS7\"/>"
                    + "<EventNotification TimeStamp=\"2025-01-02T03:00:00Z\" EventToNotify=\"SaleAdmin\" "
                    + "MaintenanceRequiredFlag=\"true\"><EventDetails>Maintenance Required</EventDetails>"
                    + "</EventNotification></SaleToPOIRequest>";
            assertThat(post(rig.listenerUri(), event).statusCode()).isEqualTo(204);

            // The emulator sees the driver's Logout: its session no longer answers a status query.
            String status = "<SaleToPOIRequest><MessageHeader MessageClass=\"Service\" MessageCategory="
                    + "\"TransactionStatus\" MessageType=\"Request\" ServiceID=\"9\" SaleID=\"POS7\" "
                    + "POIID=\"SHOP1-POS7\"/><TransactionStatusRequest/></SaleToPOIRequest>";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            String answer;
            do {
                answer = post(rig.frontEndUri(), status).body();
            } while (!answer.contains("NotAllowed") && System.nanoTime() < deadline);
            assertThat(answer).contains("ErrorCondition=\"NotAllowed\"");

            assertThat(rig.run(NexoRig.sale("2.00"), new RecordingListener()).await().result())
                    .isEqualTo(TransactionResult.APPROVED);
        }
    }

    /**
     * Someone else on the shop's network posts a Display naming the running sale's POIID: the
     * listener takes a terminal's posts only from the terminal's address, so it is refused with 403
     * and never reaches the cashier, and the sale ends as the terminal says.
     */
    @Test
    void aDisplayNamingTheRunningSalesPoiFromAnotherAddressIsRefused() throws Exception {
        try (NexoRig rig = new NexoRig(NexoIntegration.FULL)) {
            RecordingListener cashier = rig.run(NexoRig.sale("10.93"), new RecordingListener());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!cashier.firstLines().contains("Present card") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            String display = device("SHOP1-POS7", "Display", "<DisplayRequest><DisplayOutput "
                    + "Device=\"CashierDisplay\" InfoQualify=\"Status\"><OutputContent OutputFormat=\"Text\">"
                    + "<OutputText>Approved, hand over the goods</OutputText></OutputContent></DisplayOutput>"
                    + "</DisplayRequest>");

            assertThat(postFrom("127.0.0.2", rig.listenerUri(), display)).startsWith("HTTP/1.1 403");
            assertThat(cashier.await().result()).isEqualTo(TransactionResult.APPROVED);
            assertThat(cashier.firstLines()).doesNotContain("Approved, hand over the goods");
        }
    }

    /** An HTTP POST from {@code source} (a loopback address of the test's choosing); returns the status line. */
    private static String postFrom(String source, URI uri, String body) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2_000);
            socket.setSoTimeout(5_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Content-Type: application/xml; charset=utf-8\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(bytes);
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    @Test
    void requestsOfAnUnknownPoiAreAnsweredWithoutATerminal() throws Exception {
        try (NexoRig rig = new NexoRig(NexoIntegration.FULL)) {
            String display = device("OTHER", "Display", "<DisplayRequest><DisplayOutput Device=\"CashierDisplay\" "
                    + "InfoQualify=\"Status\"><OutputContent OutputFormat=\"Text\"><OutputText>Welcome</OutputText>"
                    + "</OutputContent></DisplayOutput></DisplayRequest>");
            assertThat(post(rig.listenerUri(), display).statusCode()).isEqualTo(204);
            String input = device("OTHER", "Input", "<InputRequest><InputData Device=\"CashierInput\" "
                    + "InfoQualify=\"Input\" InputCommand=\"GetConfirmation\"/></InputRequest>");
            HttpResponse<String> answer = post(rig.listenerUri(), input);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("<InputResponse><InputResult><Response Result=\"Failure\" "
                    + "ErrorCondition=\"NotAllowed\">");
        }
    }

    @Test
    void aSecondTerminalWithTheSamePoiIdIsRefused() throws Exception {
        try (NexoRig rig = new NexoRig(NexoIntegration.FULL);
                NexoPosListener listener = new NexoPosListener(NexoPosListenerConfig.defaults()
                        .withBind("127.0.0.1", 0))) {
            listener.register(rig.terminal);
            assertThatThrownBy(() -> listener.register(rig.terminal))
                    .hasMessage("POIID 'SHOP1-POS7' is already registered with this listener");
        }
    }

    @Test
    void configsNameTheBadSetting() {
        NexoTerminalConfig defaults = NexoTerminalConfig.defaults("t1", "10.0.0.5", 11000);
        assertThat(defaults.poiId()).isEqualTo("t1");
        assertThat(defaults.integration()).isEqualTo(NexoIntegration.LIGHT);
        assertThat(defaults.paymentTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThatThrownBy(() -> NexoTerminalConfig.defaults("t1", "h", 0)).hasMessage("port must be between 1 and 65535, was 0");
        assertThatThrownBy(() -> defaults.withIds("POS", "x".repeat(33)))
                .hasMessage("poiId must have at most 32 characters, has 33");
        assertThatThrownBy(() -> defaults.withSoftware("EN", "app", "1"))
                .hasMessage("operatorLanguage must be two lowercase letters, was 'EN'");
        assertThatThrownBy(() -> defaults.withTimeouts(Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessage("requestTimeout must be positive, was PT0S");
        assertThatThrownBy(() -> defaults.withBusyRetry(-1, Duration.ofSeconds(1)))
                .hasMessage("busyRetries must be 0..20, was -1");
        assertThat(NexoPosListenerConfig.defaults().port()).isEqualTo(11001);
        assertThatThrownBy(() -> NexoPosListenerConfig.defaults().withBind("localhost", -1))
                .hasMessage("port must be between 0 and 65535 (0 for any free port), was -1");
    }
}
