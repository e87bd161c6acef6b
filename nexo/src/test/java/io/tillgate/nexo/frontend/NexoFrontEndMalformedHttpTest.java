package io.tillgate.nexo.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.core.service.PaymentService;
import io.tillgate.core.service.PaymentServiceSettings;
import io.tillgate.core.simulated.SimulatedTerminal;
import io.tillgate.core.simulated.SimulatedTiming;
import io.tillgate.core.transaction.InMemoryTransactionStore;
import io.tillgate.nexo.netty.NexoHttp;
import io.tillgate.transport.ListenerGuards;
import io.tillgate.transport.ServerTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * HTTP that Netty's codec cannot decode, and requests sent behind a connection's last answer, over
 * a real connection to the nexo front-end: the POS gets a 400 and a close at once (not a wait for
 * the idle timeout of five minutes), and nothing sent behind the last answer runs.
 */
@Timeout(30)
class NexoFrontEndMalformedHttpTest {

    /** Far below the idle timeout: an answer and a close within it came at once. */
    private static final int AT_ONCE_MILLIS = 5_000;
    private static final String LOGIN = "<SaleToPOIRequest><MessageHeader ProtocolVersion=\"3.1\" "
            + "MessageClass=\"Service\" MessageCategory=\"Login\" MessageType=\"Request\" ServiceID=\"1\" "
            + "SaleID=\"POS7\" POIID=\"SHOP1-POS7\"/><LoginRequest OperatorLanguage=\"sv\">"
            + "<DateTime>2025-01-02T10:15:00+01:00</DateTime><SaleSoftware ProviderIdentification=\"Acme\" "
            + "ApplicationName=\"AcmePOS\" SoftwareVersion=\"2.3.1\"/><SaleTerminalData "
            + "TerminalEnvironment=\"Attended\"><SaleCapabilities>PrinterReceipt</SaleCapabilities>"
            + "</SaleTerminalData></LoginRequest></SaleToPOIRequest>";
    private static final String PAYMENT = "<SaleToPOIRequest><MessageHeader MessageClass=\"Service\" "
            + "MessageCategory=\"Payment\" MessageType=\"Request\" ServiceID=\"2\" SaleID=\"POS7\" "
            + "POIID=\"SHOP1-POS7\"/><PaymentRequest><SaleData><SaleTransactionID TransactionID=\"T2\" "
            + "TimeStamp=\"2025-01-02T10:16:00+01:00\"/></SaleData><PaymentTransaction><AmountsReq "
            + "Currency=\"SEK\" RequestedAmount=\"120.50\"/></PaymentTransaction></PaymentRequest>"
            + "</SaleToPOIRequest>";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final InMemoryTransactionStore store = new InMemoryTransactionStore();
    /** One I/O loop: a second connection is served after everything the first one's read held. */
    private final ServerTransport transport = ServerTransport.create("nexo-malformed-http-test", 1);
    private PaymentService payments;
    private NexoFrontEnd frontEnd;
    private InetSocketAddress address;

    @BeforeEach
    void start() {
        payments = new PaymentService(List.of(new SimulatedTerminal("sim1", new SimulatedTiming(Duration.ZERO,
                Duration.ZERO, Duration.ofMillis(300)), scheduler, true)), store,
                PaymentServiceSettings.defaults().withTransactionTimeout(Duration.ofSeconds(2)), Clock.systemUTC());
        frontEnd = new NexoFrontEnd(NexoFrontEndConfig.defaults("demo", "sim1").withBind("127.0.0.1", 0), payments,
                transport, ListenerGuards.defaults(), null);
        address = frontEnd.start();
    }

    @AfterEach
    void stop() {
        frontEnd.close();
        transport.close();
        payments.close();
        scheduler.shutdownNow();
    }

    /**
     * The fuzzer's finding: a request line holding a byte above 0x7F, a header name Netty refuses and
     * a Content-Length above the maximum. Netty's aggregator answered the failed request 413 and kept
     * the connection open, on which the codec then read nothing more.
     */
    @Test
    void aMalformedRequestWithALengthAboveTheMaximumGets400AndACloseAtOnce() throws IOException {
        byte[] request = latin1("POST /EPAS\u00ffSaleToPOI/3.1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Length: 99999999\r\nX\u00ff: y\r\n\r\n");

        String answer = answerUntilClosed(request);

        assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("connection: close\r\n")
                .endsWith("\r\n\r\nmalformed HTTP request\n");
    }

    @Test
    void aMalformedChunkGets400AndACloseAtOnce() throws IOException {
        byte[] request = latin1("POST " + NexoHttp.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\n<Sale\r\nzz\r\n");

        String answer = answerUntilClosed(request);

        assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n").endsWith("malformed HTTP request\n");
    }

    @Test
    void aPaymentSentBehindTheConnectionsLastAnswerDoesNotRun() throws IOException {
        byte[] pipelined = latin1(post(LOGIN) + "GET /elsewhere HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n\r\n" + post(PAYMENT));

        String answers = answerUntilClosed(pipelined);

        assertThat(answers).startsWith("HTTP/1.1 200 OK\r\n").contains("<LoginResponse><Response Result=\"Success\"/>")
                .contains("HTTP/1.1 404 Not Found\r\n").endsWith("nexo requests go to " + NexoHttp.PATH + "\n");
        // Served on the same loop after all the first connection's bytes: the payment had its chance.
        assertThat(answerUntilClosed(latin1(post(LOGIN).replace("HTTP/1.1\r\n", "HTTP/1.1\r\nConnection: close\r\n"))))
                .startsWith("HTTP/1.1 200 OK\r\n");
        assertThat(store.findSince(Instant.EPOCH)).isEmpty();
    }

    /** Everything the front-end sends until it closes, which it must do within {@link #AT_ONCE_MILLIS}. */
    private String answerUntilClosed(byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, AT_ONCE_MILLIS);
            socket.setSoTimeout(AT_ONCE_MILLIS);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[4096];
            try {
                for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                    answer.write(chunk, 0, n);
                }
            } catch (SocketException reset) {
                // closed with some of our bytes unread: a close all the same
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String post(String body) {
        return "POST " + NexoHttp.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + NexoHttp.CONTENT_TYPE
                + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
