package io.tillgate.nexo.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tillgate.core.service.PaymentService;
import io.tillgate.core.service.PaymentServiceSettings;
import io.tillgate.core.simulated.SimulatedTerminal;
import io.tillgate.core.simulated.SimulatedTiming;
import io.tillgate.core.transaction.InMemoryTransactionStore;
import io.tillgate.core.transaction.TransactionState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The terminal emulator as a plain HTTP client sees it: the answers of docs/protocols/nexo.md §11. */
@Timeout(20)
class NexoFrontEndTest {

    private static final String HEADER = "<MessageHeader %sMessageClass=\"Service\" MessageCategory=\"%s\" "
            + "MessageType=\"Request\" ServiceID=\"%s\" SaleID=\"POS7\" POIID=\"SHOP1-POS7\"/>";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private final InMemoryTransactionStore store = new InMemoryTransactionStore();
    private PaymentService payments;
    private NexoFrontEnd frontEnd;
    private URI uri;

    @BeforeEach
    void start() {
        payments = new PaymentService(List.of(new SimulatedTerminal("sim1", new SimulatedTiming(Duration.ZERO,
                Duration.ZERO, Duration.ofSeconds(2)), scheduler, true)), store,
                PaymentServiceSettings.defaults(), Clock.systemUTC());
        frontEnd = new NexoFrontEnd(NexoFrontEndConfig.defaults("demo", "sim1").withBind("127.0.0.1", 0), payments);
        uri = URI.create("http://127.0.0.1:" + frontEnd.start().getPort() + "/EPASSaleToPOI/3.1");
    }

    @AfterEach
    void stop() {
        frontEnd.close();
        payments.close();
        scheduler.shutdownNow();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(request(body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String doc(String category, String serviceId, String body) {
        boolean versioned = category.equals("Login") || category.equals("Diagnosis");
        String version = versioned ? "ProtocolVersion=\"3.1\" " : "";
        return "<SaleToPOIRequest>" + String.format(HEADER, version, category, serviceId) + body + "</SaleToPOIRequest>";
    }

    private static String login(String capabilities) {
        return doc("Login", "1", "<LoginRequest OperatorLanguage=\"sv\"><DateTime>2025-01-02T10:15:00+01:00"
                + "</DateTime><SaleSoftware ProviderIdentification=\"Acme\" ApplicationName=\"AcmePOS\" "
                + "SoftwareVersion=\"2.3.1\"/><SaleTerminalData TerminalEnvironment=\"Attended\"><SaleCapabilities>"
                + capabilities + "</SaleCapabilities></SaleTerminalData></LoginRequest>");
    }

    private static String payment(String serviceId, String amount) {
        return payment(serviceId, amount, "T" + serviceId);
    }

    private static String payment(String serviceId, String amount, String saleTransactionId) {
        return doc("Payment", serviceId, "<PaymentRequest><SaleData><SaleTransactionID TransactionID=\""
                + saleTransactionId + "\" TimeStamp=\"2025-01-02T10:16:00+01:00\"/></SaleData><PaymentTransaction>"
                + "<AmountsReq Currency=\"SEK\" RequestedAmount=\"" + amount + "\"/></PaymentTransaction></PaymentRequest>");
    }

    private static String status(String serviceId, String of) {
        return doc("TransactionStatus", serviceId, "<TransactionStatusRequest><MessageReference "
                + "MessageCategory=\"Payment\" ServiceID=\"" + of + "\"/></TransactionStatusRequest>");
    }

    /** Polls the gateway (not the protocol under test) until the payment runs on the terminal. */
    private void awaitRunning(String saleTransactionId) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            var found = payments.find("demo", new io.tillgate.core.service.TransactionLookup.ByReference(
                    saleTransactionId)).get();
            if (found.isPresent() && found.get().state() == io.tillgate.core.transaction.TransactionState.IN_PROGRESS) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("payment " + saleTransactionId + " never ran");
    }

    @Test
    void splitTenderChargesEachCardUnderOneSaleTransactionId() throws Exception {
        post(login("PrinterReceipt"));
        String first = post(payment("2", "12.00", "ORDER-1")).body();
        String second = post(payment("3", "5.00", "ORDER-1")).body();

        assertThat(first).contains("<Response Result=\"Success\"/>").contains("AuthorizedAmount=\"12.00\"");
        assertThat(second).contains("<Response Result=\"Success\"/>").contains("AuthorizedAmount=\"5.00\"");
        assertThat(poiTransactionId(second)).isNotEqualTo(poiTransactionId(first));
        assertThat(store.findByReference("demo", "ORDER-1", Instant.EPOCH))
                .extracting(r -> r.amount().toString(), r -> r.state())
                .containsExactly(tuple("5.00 SEK", TransactionState.APPROVED),
                        tuple("12.00 SEK", TransactionState.APPROVED));
    }

    @Test
    void aRetryAfterADeclineUnderTheSameSaleTransactionIdIsApproved() throws Exception {
        post(login("PrinterReceipt"));
        String declined = post(payment("2", "12.91", "ORDER-2")).body();
        String approved = post(payment("3", "12.00", "ORDER-2")).body();

        assertThat(declined).contains("Result=\"Failure\"").contains("ErrorCondition=\"Refusal\"");
        assertThat(approved).contains("<Response Result=\"Success\"/>");
        assertThat(poiTransactionId(approved)).isNotEqualTo(poiTransactionId(declined));
        assertThat(store.findByReference("demo", "ORDER-2", Instant.EPOCH)).extracting(r -> r.state())
                .containsExactly(TransactionState.APPROVED, TransactionState.DECLINED);
    }

    @Test
    void theSameServiceIdSentTwiceIsOneTransaction() throws Exception {
        post(login("PrinterReceipt"));
        String first = post(payment("2", "12.00", "ORDER-3")).body();
        String again = post(payment("2", "12.00", "ORDER-3")).body();

        assertThat(again).contains("<Response Result=\"Success\"/>");
        assertThat(poiTransactionId(again)).isEqualTo(poiTransactionId(first));
        assertThat(store.findByReference("demo", "ORDER-3", Instant.EPOCH)).hasSize(1);
    }

    private static String poiTransactionId(String paymentResponse) {
        Matcher id = Pattern.compile("<POITransactionID TransactionID=\"([^\"]+)\"").matcher(paymentResponse);
        assertThat(id.find()).as("POITransactionID in %s", paymentResponse).isTrue();
        return id.group(1);
    }

    @Test
    void paymentBeforeLoginIsNotAllowed() throws Exception {
        HttpResponse<String> response = post(payment("2", "10.00"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("<?xml").contains("<PaymentResponse><Response Result=\"Failure\" "
                + "ErrorCondition=\"NotAllowed\">");
    }

    @Test
    void loginThenPaymentAnswersInSchemaOrderWithTheXmlDeclaration() throws Exception {
        HttpResponse<String> login = post(login("PrinterReceipt"));
        assertThat(login.headers().firstValue("Content-Type")).hasValue("application/xml; charset=utf-8");
        assertThat(login.body()).contains("ProtocolVersion=\"3.1\"").contains("<LoginResponse><Response "
                + "Result=\"Success\"/><POISystemData><DateTime>");
        HttpResponse<String> payment = post(payment("2", "120.50"));
        assertThat(payment.body()).contains("<PaymentResponse><Response Result=\"Success\"/><SaleData>"
                + "<SaleTransactionID TransactionID=\"T2\"").contains("AuthorizedAmount=\"120.50\"")
                .contains("<PaymentReceipt DocumentQualifier=\"CashierReceipt\"");
    }

    @Test
    void aRefundWithoutAnOriginalIsACardPresentCredit() throws Exception {
        post(login("PrinterReceipt"));
        HttpResponse<String> refund = post(doc("Payment", "2", "<PaymentRequest><SaleData><SaleTransactionID "
                + "TransactionID=\"R2\" TimeStamp=\"2025-01-02T10:16:00+01:00\"/></SaleData><PaymentTransaction>"
                + "<AmountsReq Currency=\"SEK\" RequestedAmount=\"25.00\"/></PaymentTransaction>"
                + "<PaymentData PaymentType=\"Refund\"/></PaymentRequest>"));

        assertThat(refund.body()).contains("<PaymentResponse><Response Result=\"Success\"/>")
                .contains("AuthorizedAmount=\"25.00\"");
        var recorded = payments.find("demo", new io.tillgate.core.service.TransactionLookup.ByReference("R2")).get();
        assertThat(recorded).hasValueSatisfying(r -> {
            assertThat(r.kind()).isEqualTo(io.tillgate.core.payment.PaymentKind.REFUND);
            assertThat(r.originalTransactionId()).isNull();
        });
    }

    @Test
    void transactionStatusIsBusyWhileRunningThenRepeatsTheAnswer() throws Exception {
        post(login("PrinterReceipt"));
        assertThat(post(status("3", "2")).body()).contains("ErrorCondition=\"NotFound\"");
        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(request(payment("2", "10.93")),
                HttpResponse.BodyHandlers.ofString());
        awaitRunning("T2");
        assertThat(post(status("4", "2")).body()).contains("<TransactionStatusResponse><Response Result=\"Failure\" ErrorCondition=\"Busy\">");
        assertThat(post(payment("5", "1.00")).body()).contains("ErrorCondition=\"Busy\"");
        assertThat(slow.get().body()).contains("Result=\"Success\"");
        String repeated = post(status("6", "2")).body();
        assertThat(repeated).contains("<TransactionStatusResponse><Response Result=\"Success\"/><MessageReference "
                + "MessageCategory=\"Payment\" ServiceID=\"2\"")
                .contains("<RepeatedMessageResponse><MessageHeader MessageClass=\"Service\" "
                        + "MessageCategory=\"Payment\" MessageType=\"Response\" ServiceID=\"2\"")
                .contains("<PaymentResponse><Response Result=\"Success\"/>");
    }

    private static String diagnosis(String serviceId, String body) {
        return doc("Diagnosis", serviceId, body);
    }

    @Test
    void diagnosisIsAnsweredWithoutALoginAndNamesWhoIsLoggedIn() throws Exception {
        HttpResponse<String> before = post(diagnosis("1", "<DiagnosisRequest/>"));
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).endsWith("<MessageHeader MessageClass=\"Service\" MessageCategory=\"Diagnosis\" "
                + "MessageType=\"Response\" ServiceID=\"1\" SaleID=\"POS7\" POIID=\"SHOP1-POS7\"/><DiagnosisResponse>"
                + "<Response Result=\"Success\"/><POIStatus GlobalStatus=\"OK\" PrinterStatus=\"OK\"/>"
                + "</DiagnosisResponse></SaleToPOIResponse>");

        post(login("PrinterReceipt"));

        assertThat(post(diagnosis("3", "<DiagnosisRequest/>")).body())
                .contains("<Response Result=\"Success\"/><LoggedSaleID>POS7</LoggedSaleID><POIStatus ");
        assertThat(store.findSince(Instant.EPOCH)).isEmpty();
    }

    @Test
    void diagnosisWhileAPaymentRunsSaysBusyAndReportsTheHostsAskedFor() throws Exception {
        post(login("PrinterReceipt"));
        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(request(payment("2", "10.93")),
                HttpResponse.BodyHandlers.ofString());
        awaitRunning("T2");

        String busy = post(diagnosis("3", "<DiagnosisRequest HostDiagnosisFlag=\"true\"><AcquirerID>Tillgate"
                + "</AcquirerID><AcquirerID>877888</AcquirerID></DiagnosisRequest>")).body();

        assertThat(busy).contains("<Response Result=\"Success\"/><LoggedSaleID>POS7</LoggedSaleID>"
                + "<POIStatus GlobalStatus=\"Busy\" PrinterStatus=\"OK\"/><HostStatus AcquirerID=\"Tillgate\" "
                + "IsReachableFlag=\"true\"/><HostStatus AcquirerID=\"877888\" IsReachableFlag=\"false\"/>");
        assertThat(slow.get().body()).contains("Result=\"Success\"");
        assertThat(post(diagnosis("4", "<DiagnosisRequest HostDiagnosisFlag=\"true\"/>")).body())
                .contains("<POIStatus GlobalStatus=\"OK\" PrinterStatus=\"OK\"/><HostStatus AcquirerID=\"Tillgate\" "
                        + "IsReachableFlag=\"true\"/></DiagnosisResponse>");
    }

    @Test
    void aGatewayThatIsShuttingDownAnswersANewPaymentBusy() throws Exception {
        post(login("PrinterReceipt"));
        payments.stopAdmitting();

        String answer = post(payment("2", "1.00")).body();

        assertThat(answer).contains("<PaymentResponse><Response Result=\"Failure\" ErrorCondition=\"Busy\">"
                + "<AdditionalResponse>the gateway is shutting down and starts no new transaction; try again once "
                + "it is back</AdditionalResponse></Response>");
        assertThat(store.findSince(Instant.EPOCH)).isEmpty();
    }

    @Test
    void abortIsAnswered204AndThePaymentFailsAborted() throws Exception {
        post(login("PrinterReceipt"));
        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(request(payment("2", "10.93")),
                HttpResponse.BodyHandlers.ofString());
        awaitRunning("T2");
        HttpResponse<String> abort = post(doc("Abort", "4", "<AbortRequest><MessageReference MessageCategory="
                + "\"Payment\" ServiceID=\"2\"/><AbortReason>Abort by Sale System</AbortReason></AbortRequest>"));
        assertThat(abort.statusCode()).isEqualTo(204);
        assertThat(slow.get().body()).contains("<Response Result=\"Failure\" ErrorCondition=\"Aborted\">");
    }

    @Test
    void badAmountIsAMessageFormatFailureNamingTheAttribute() throws Exception {
        post(login("PrinterReceipt"));
        assertThat(post(payment("2", "1.005")).body()).contains("ErrorCondition=\"MessageFormat\"")
                .contains("PaymentRequest/PaymentTransaction/AmountsReq@RequestedAmount");
    }

    @Test
    void hostileAndBrokenBodiesAre400() throws Exception {
        HttpResponse<String> broken = post("<SaleToPOIRequest><MessageHeader");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).startsWith("not well-formed XML");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + login("&x;");
        HttpResponse<String> refused = post(xxe);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("root");
        HttpResponse<String> noHeader = post("<SaleToPOIRequest><LogoutRequest/></SaleToPOIRequest>");
        assertThat(noHeader.statusCode()).isEqualTo(400);
        assertThat(noHeader.body()).contains("SaleToPOIRequest/MessageHeader");
    }

    @Test
    void cardAcquisitionIsAnsweredUnavailable() throws Exception {
        post(login("PrinterReceipt"));
        String enable = doc("EnableService", "2", "<EnableServiceRequest TransactionAction=\"StartTransaction\">"
                + "<ServicesEnabled>CardAcquisition</ServicesEnabled></EnableServiceRequest>");
        assertThat(post(enable).body()).contains("<EnableServiceResponse><Response Result=\"Failure\" "
                + "ErrorCondition=\"UnavailableService\">");
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        post(login("PrinterReceipt"));
        assertThat(post(doc("Logout", "2", "<LogoutRequest MaintenanceAllowed=\"true\"/>")).body())
                .contains("<LogoutResponse><Response Result=\"Success\"/>");
        assertThat(post(payment("3", "1.00")).body()).contains("ErrorCondition=\"NotAllowed\"");
    }

    @Test
    void aTakenPortIsNamedInTheFailure() {
        int taken = uri.getPort();
        NexoFrontEnd second = new NexoFrontEnd(NexoFrontEndConfig.defaults("demo", "sim1")
                .withBind("127.0.0.1", taken), payments);
        assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("nexo front-end for terminal sim1 port " + taken + " on 127.0.0.1 is already in use");
    }

    @Test
    void configIsValidatedNamingTheSetting() {
        assertThatThrownBy(() -> NexoFrontEndConfig.defaults("demo", " ")).hasMessage("terminalId must not be empty");
        assertThatThrownBy(() -> NexoFrontEndConfig.defaults("demo", "t").withBind("localhost", 70000))
                .hasMessage("port must be between 0 and 65535 (0 for any free port), was 70000");
        assertThatThrownBy(() -> NexoFrontEndConfig.defaults("demo", "t").withPosListenerUrl(URI.create("ftp://x")))
                .hasMessageStartingWith("posListenerUrl must be http://host:port/");
        assertThat(NexoFrontEndConfig.defaults("demo", "t").port()).isEqualTo(11000);
        assertThat(NexoFrontEndConfig.defaults("demo", "t").bindHost()).isEqualTo("localhost");
    }
}
