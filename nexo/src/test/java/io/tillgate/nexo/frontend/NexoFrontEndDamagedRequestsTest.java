package io.tillgate.nexo.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.core.service.PaymentService;
import io.tillgate.core.service.PaymentServiceSettings;
import io.tillgate.core.simulated.SimulatedTerminal;
import io.tillgate.core.simulated.SimulatedTiming;
import io.tillgate.core.transaction.InMemoryTransactionStore;
import io.tillgate.nexo.RawNexoHttp;
import io.tillgate.testkit.DamagedTraffic;
import io.tillgate.testkit.RawExchange;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Damaged requests over real connections, several at a time: damaged XML gets a nexo answer (200
 * with a SaleToPOIResponse) or a 4xx naming the problem, damaged HTTP gets a 4xx or a close; never a
 * 5xx or a stall, no leaked buffer (the testkit's leak guard), and a good request is still
 * answered afterwards.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NexoFrontEndDamagedRequestsTest {

    private static final String HEADER = "<MessageHeader %sMessageClass=\"Service\" MessageCategory=\"%s\" "
            + "MessageType=\"Request\" ServiceID=\"%s\" SaleID=\"POS7\" POIID=\"SHOP1-POS7\"/>";
    private static final byte[][] BODIES = {
            doc("Login", "1", "<LoginRequest OperatorLanguage=\"sv\"><DateTime>2025-01-02T10:15:00+01:00</DateTime>"
                    + "<SaleSoftware ProviderIdentification=\"Acme\" ApplicationName=\"AcmePOS\" "
                    + "SoftwareVersion=\"2.3.1\"/>"
                    + "<SaleTerminalData TerminalEnvironment=\"Attended\"><SaleCapabilities>PrinterReceipt"
                    + "</SaleCapabilities></SaleTerminalData></LoginRequest>"),
            doc("Payment", "2", "<PaymentRequest><SaleData><SaleTransactionID TransactionID=\"T2\" "
                    + "TimeStamp=\"2025-01-02T10:16:00+01:00\"/></SaleData><PaymentTransaction><AmountsReq "
                    + "Currency=\"SEK\" RequestedAmount=\"120.50\"/></PaymentTransaction></PaymentRequest>"),
            doc("TransactionStatus", "3", "<TransactionStatusRequest><MessageReference MessageCategory=\"Payment\" "
                    + "ServiceID=\"2\"/></TransactionStatusRequest>"),
            doc("Abort", "4", "<AbortRequest AbortReason=\"Cancel\"><MessageReference MessageCategory=\"Payment\" "
                    + "ServiceID=\"2\" SaleID=\"POS7\" POIID=\"SHOP1-POS7\"/></AbortRequest>"),
            doc("Logout", "5", "<LogoutRequest/>")};

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private PaymentService payments;
    private NexoFrontEnd frontEnd;
    private InetSocketAddress address;

    @BeforeEach
    void start() {
        payments = new PaymentService(List.of(new SimulatedTerminal("sim1", new SimulatedTiming(Duration.ZERO,
                Duration.ZERO, Duration.ofMillis(300)), scheduler, true)), new InMemoryTransactionStore(),
                PaymentServiceSettings.defaults().withTransactionTimeout(Duration.ofSeconds(2)), Clock.systemUTC());
        frontEnd = new NexoFrontEnd(NexoFrontEndConfig.defaults("demo", "sim1").withBind("127.0.0.1", 0), payments);
        address = frontEnd.start();
    }

    @AfterEach
    void stop() {
        frontEnd.close();
        payments.close();
        scheduler.shutdownNow();
    }

    @Test
    void damagedXmlGetsANexoAnswerOrA4xx() throws Exception {
        DamagedTraffic traffic = new DamagedTraffic(address,
                mutator -> RawNexoHttp.post(mutator.mutate(mutator.pick(BODIES))),
                RawNexoHttp::isNexoAnswerOrClientError);

        assertThat(traffic.run(1, 300, 8)).isEmpty();

        byte[] answer = RawExchange.exchange(address, RawNexoHttp.post(BODIES[0]), Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        assertThat(new String(answer, StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200 ")
                .contains("<LoginResponse><Response Result=\"Success\"/>");
    }

    @Test
    void damagedHttpGetsA4xxOrAClose() throws Exception {
        byte[][] requests = Arrays.stream(BODIES).map(RawNexoHttp::post).toArray(byte[][]::new);
        DamagedTraffic traffic = new DamagedTraffic(address, mutator -> mutator.mutate(mutator.pick(requests)),
                answer -> answer.length == 0 || RawNexoHttp.isNotAServerError(answer));

        assertThat(traffic.run(10_000, 300, 8)).isEmpty();
    }

    private static byte[] doc(String category, String serviceId, String body) {
        String version = category.equals("Login") ? "ProtocolVersion=\"3.1\" " : "";
        return ("<SaleToPOIRequest>" + String.format(HEADER, version, category, serviceId) + body
                + "</SaleToPOIRequest>").getBytes(StandardCharsets.UTF_8);
    }
}
