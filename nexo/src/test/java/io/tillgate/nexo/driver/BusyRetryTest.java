package io.tillgate.nexo.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.resolver.DefaultAddressResolverGroup;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A terminal busy with another POS's payment answers Busy; the driver retries with a growing pause. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class BusyRetryTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private CompletableFuture<HttpResponse<String>> post(URI uri, String body) {
        return http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(String category, String serviceId, String version) {
        return "<MessageHeader " + version + "MessageClass=\"Service\" MessageCategory=\"" + category
                + "\" MessageType=\"Request\" ServiceID=\"" + serviceId + "\" SaleID=\"POS9\" POIID=\"SHOP1-POS7\"/>";
    }

    @Test
    void busyPaymentIsRetriedUntilTheTerminalIsFree() throws Exception {
        try (NexoRig rig = new NexoRig(NexoIntegration.LIGHT)) {
            URI terminal = rig.frontEndUri();
            post(terminal, "<SaleToPOIRequest>" + header("Login", "1", "ProtocolVersion=\"3.1\" ")
                    + "<LoginRequest OperatorLanguage=\"sv\"><DateTime>2025-01-02T10:15:00+01:00</DateTime>"
                    + "<SaleSoftware ProviderIdentification=\"Acme\" ApplicationName=\"Other\" SoftwareVersion=\"1\"/>"
                    + "</LoginRequest></SaleToPOIRequest>").get();
            // Another POS occupies the terminal with a slow card (NexoRig.SLOW_CARD).
            CompletableFuture<HttpResponse<String>> other = post(terminal, "<SaleToPOIRequest>"
                    + header("Payment", "2", "") + "<PaymentRequest><SaleData><SaleTransactionID TransactionID=\"O1\" "
                    + "TimeStamp=\"2025-01-02T10:16:00+01:00\"/></SaleData><PaymentTransaction><AmountsReq "
                    + "Currency=\"SEK\" RequestedAmount=\"3.93\"/></PaymentTransaction></PaymentRequest>"
                    + "</SaleToPOIRequest>");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (rig.payments.find(NexoRig.MERCHANT, new io.tillgate.core.service.TransactionLookup.ByReference("O1"))
                    .get().isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }

            NexoTerminal patient = new NexoTerminal(NexoTerminalConfig.defaults("nexo2", "127.0.0.1",
                    terminal.getPort()).withIds("POS8", "SHOP1-POS7").withBusyRetry(20, Duration.ofMillis(100)),
                    rig.group, DefaultAddressResolverGroup.INSTANCE);
            RecordingListener listener = new RecordingListener();
            patient.execute(NexoRig.sale("4.00"), listener);
            TransactionOutcome outcome = listener.await();

            assertThat(other.get().body()).contains("Result=\"Success\"");
            assertThat(outcome.result()).isEqualTo(TransactionResult.APPROVED);

            NexoTerminal impatient = new NexoTerminal(NexoTerminalConfig.defaults("nexo3", "127.0.0.1",
                    terminal.getPort()).withIds("POS6", "SHOP1-POS7").withBusyRetry(1, Duration.ofMillis(10)),
                    rig.group, DefaultAddressResolverGroup.INSTANCE);
            post(terminal, "<SaleToPOIRequest>" + header("Payment", "3", "") + "<PaymentRequest><SaleData>"
                    + "<SaleTransactionID TransactionID=\"O2\" TimeStamp=\"2025-01-02T10:16:00+01:00\"/></SaleData>"
                    + "<PaymentTransaction><AmountsReq Currency=\"SEK\" RequestedAmount=\"5.93\"/></PaymentTransaction>"
                    + "</PaymentRequest></SaleToPOIRequest>");
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (rig.payments.find(NexoRig.MERCHANT, new io.tillgate.core.service.TransactionLookup.ByReference("O2"))
                    .get().isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            RecordingListener refused = new RecordingListener();
            impatient.execute(NexoRig.sale("6.00"), refused);
            TransactionOutcome busy = refused.await();
            assertThat(busy.result()).isEqualTo(TransactionResult.FAILED);
            assertThat(busy.rawResultCodes()).containsEntry("ErrorCondition", "Busy");
        }
    }
}
