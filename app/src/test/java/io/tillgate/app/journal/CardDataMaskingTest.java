package io.tillgate.app.journal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tillgate.core.merchant.Merchant;
import io.tillgate.core.merchant.MerchantDirectory;
import io.tillgate.core.payment.CardScheme;
import io.tillgate.core.payment.MaskedPan;
import io.tillgate.core.receipt.MerchantDetails;
import io.tillgate.core.service.PaymentService;
import io.tillgate.core.service.PaymentServiceSettings;
import io.tillgate.core.simulated.SimulatedTerminal;
import io.tillgate.core.simulated.SimulatedTiming;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.journal.JdbcJournal;
import io.tillgate.journal.JournalSettings;
import io.tillgate.p3.codec.P3Device;
import io.tillgate.p3.server.P3Server;
import io.tillgate.p3.server.P3ServerConfig;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A full card number entering at the terminal never leaves it: not into the journal's files, not
 * into a log message, not onto the wire. The simulated terminal is made to present one card, whose
 * number is assembled at run time (so no card number sits in this source), in front of the real
 * payment service, SQLite journal and P3 server; a hand-framed TCP POS reads the raw responses.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CardDataMaskingTest {

    private static final String MERCHANT = "mask-shop";
    private static final String SECRET = "mask-shop-secret";
    private static final String DEVICE = "card-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final String pan = luhnValidPan(new Random(20261123L));
    private final String masked = MaskedPan.of(pan).value();

    private ScheduledExecutorService simulation;
    private JdbcJournal journal;
    private PaymentService payments;
    private P3Server p3;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger tillgateLogger = (Logger) LoggerFactory.getLogger("io.tillgate");
    private Level tillgateLevel;

    @BeforeEach
    void startGateway() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        tillgateLevel = tillgateLogger.getLevel();
        tillgateLogger.setLevel(Level.TRACE);

        simulation = Executors.newSingleThreadScheduledExecutor();
        SimulatedTerminal terminal = new SimulatedTerminal(DEVICE, SimulatedTiming.FAST, simulation, false)
                .presenting(pan, CardScheme.VISA);
        journal = JdbcJournal.open(JournalSettings.sqlite(journalFile()));
        payments = new PaymentService(List.of(terminal), journal,
                new PaymentServiceSettings(Duration.ofSeconds(5), Duration.ofHours(24)), Clock.systemUTC());
        Merchant merchant = new Merchant(MERCHANT, SECRET,
                new MerchantDetails("Masking Shop", "1 Test Street", "10115", "Berlin", "DE"), List.of(DEVICE));
        p3 = new P3Server(new P3ServerConfig("127.0.0.1", 0, 0, 1 << 20, Duration.ofMinutes(1), Map.of(), 40,
                ZoneOffset.UTC), payments, new MerchantDirectory(List.of(merchant)),
                Map.of(DEVICE, new P3Device("Card terminal", DEVICE, "devices/" + DEVICE, "MOCK", "MOCK")));
        p3.start();
    }

    @AfterEach
    void stopGateway() {
        if (p3 != null) {
            p3.close();
        }
        if (payments != null) {
            payments.close();
        }
        if (journal != null) {
            journal.close();
        }
        if (simulation != null) {
            simulation.shutdownNow();
        }
        tillgateLogger.setLevel(tillgateLevel);
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        logs.stop();
    }

    @Test
    void theFullCardNumberIsNeverStoredLoggedOrSent() throws Exception {
        List<String> wire = new ArrayList<>();
        try (RawPos pos = new RawPos(p3.tcpAddress(), wire)) {
            pos.send(login());
            assertThat(pos.responseTo("login").path("status").asText()).isEqualTo("OK");

            JsonNode contactless = pos.pay("mask-approved-contactless", "12.00");
            JsonNode chip = pos.pay("mask-approved-chip", "62.00");
            JsonNode declined = pos.pay("mask-declined", "62.91");
            JsonNode signed = pos.pay("mask-signed", "42.92");
            JsonNode retried = pos.pay("mask-card-read-retry", "12.98");
            pos.send(refund(chip.path("identifier").asText()));
            JsonNode refund = pos.responseTo("refund").path("amendTransactionResponse").path("transaction");
            pos.send(query("mask-approved-chip"));
            JsonNode queried = pos.responseTo("query").path("queryTransactionResponse").path("transaction");

            assertThat(Stream.of(contactless, chip, declined, signed, retried, refund, queried))
                    .allSatisfy(t -> assertThat(t.path("cardDetails").path("maskedCardNumber").asText())
                            .isEqualTo(masked));
            assertThat(List.of(contactless.path("status").asText(), chip.path("status").asText(),
                    declined.path("status").asText(), signed.path("status").asText(),
                    retried.path("status").asText(), refund.path("status").asText()))
                    .containsExactly("APPROVED", "APPROVED", "DECLINED", "APPROVED", "APPROVED", "APPROVED");
        }
        assertThat(wire).as("P3 messages on the wire").isNotEmpty()
                .allSatisfy(message -> assertThat(message).doesNotContain(pan));
        assertThat(String.join("\n", wire)).contains(masked);

        List<TransactionRecord> rows = journal.findSince(Instant.EPOCH);
        assertThat(rows).hasSize(6).allSatisfy(row -> {
            assertThat(row.state()).isIn(TransactionState.APPROVED, TransactionState.DECLINED);
            assertThat(row.outcome().maskedPan().value()).isEqualTo(masked);
            assertThat(row.outcome().customerReceipt() + " " + row.outcome().merchantReceipt()).doesNotContain(pan);
        });
        assertJournalFilesHoldNoFullPan(true);
        List<String> logged = loggedText();
        assertThat(logged).as("log events of the run").isNotEmpty()
                .allSatisfy(line -> assertThat(line).doesNotContain(pan));

        payments.close();
        journal.close();
        journal = null;
        assertJournalFilesHoldNoFullPan(false);
    }

    // ------------------------------------------------------------------------------------------

    /** The journal's files byte by byte: never the full number; the masked one somewhere. */
    private void assertJournalFilesHoldNoFullPan(boolean open) throws IOException {
        StringBuilder all = new StringBuilder();
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            Path file = Path.of(journalFile() + suffix);
            if (Files.exists(file)) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as("%s (journal %s)", file.getFileName(), open ? "open" : "closed")
                        .doesNotContain(pan);
                all.append(bytes);
            }
        }
        assertThat(all.toString()).as("journal files (journal %s)", open ? "open" : "closed").contains(masked);
    }

    /** Every message, argument and exception text the gateway logged, before any masking layout. */
    private List<String> loggedText() {
        List<String> text = new ArrayList<>();
        synchronized (logs) {
            for (ILoggingEvent event : logs.list) {
                text.add(event.getFormattedMessage());
                if (event.getArgumentArray() != null) {
                    for (Object argument : event.getArgumentArray()) {
                        text.add(String.valueOf(argument));
                    }
                }
                for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                    text.add(t.getClassName() + ": " + t.getMessage());
                }
            }
        }
        return text;
    }

    private Path journalFile() {
        return dir.resolve("journal.db");
    }

    /** A 16-digit VISA-style number with a valid Luhn check digit, from digits drawn at run time. */
    private static String luhnValidPan(Random random) {
        StringBuilder digits = new StringBuilder().append(4);
        while (digits.length() < 15) {
            digits.append(random.nextInt(10));
        }
        int sum = 0;
        for (int i = digits.length() - 1, position = 0; i >= 0; i--, position++) {
            int d = digits.charAt(i) - '0';
            if (position % 2 == 0) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }

    private static String login() {
        return "{\"type\":\"LOGIN_MERCHANT_REQUEST\",\"tag\":\"login\",\"loginMerchantRequest\":{\"providerMode\":\"TEST\","
                + "\"merchantIdentifier\":\"" + MERCHANT + "\",\"merchantSecret\":\"" + SECRET + "\"}}";
    }

    private static String execute(String tag, String amount) {
        return "{\"type\":\"EXECUTE_TRANSACTION_REQUEST\",\"tag\":\"" + tag + "\",\"resource\":\"devices/" + DEVICE
                + "\",\"executeTransactionRequest\":{\"transactionParameters\":{\"amount\":" + amount
                + ",\"currency\":\"EUR\",\"type\":\"CHARGE\",\"autoCapture\":true,\"customIdentifier\":\"" + tag
                + "\"}}}";
    }

    private static String signatureOnReceipt() {
        return "{\"type\":\"SUBMIT_SIGNATURE_REQUEST\",\"tag\":\"signature\",\"resource\":\"devices/" + DEVICE
                + "\",\"submitSignatureRequest\":{\"signatureOnReceipt\":true}}";
    }

    private static String refund(String identifier) {
        return "{\"type\":\"AMEND_TRANSACTION_REQUEST\",\"tag\":\"refund\",\"resource\":null,\"amendTransactionRequest\":"
                + "{\"transactionParameters\":{\"type\":\"REFUND\",\"referencedTransactionIdentifier\":\"" + identifier
                + "\",\"amount\":5.00,\"currency\":\"EUR\"}}}";
    }

    private static String query(String customIdentifier) {
        return "{\"type\":\"QUERY_TRANSACTION_REQUEST\",\"tag\":\"query\",\"resource\":\"/\","
                + "\"queryTransactionRequest\":{\"customIdentifier\":\"" + customIdentifier + "\"}}";
    }

    /** A POS that frames P3 by hand (docs/protocols/p3.md §1.3) and keeps every message it receives verbatim. */
    private static final class RawPos implements AutoCloseable {

        private final Socket socket;
        private final DataInputStream in;
        private final DataOutputStream out;
        private final List<String> received;

        RawPos(InetSocketAddress server, List<String> received) throws IOException {
            this.socket = new Socket(server.getAddress(), server.getPort());
            this.socket.setSoTimeout(10_000);
            this.in = new DataInputStream(socket.getInputStream());
            this.out = new DataOutputStream(socket.getOutputStream());
            this.received = received;
        }

        void send(String json) throws IOException {
            byte[] payload = json.getBytes(StandardCharsets.UTF_8);
            out.writeInt(payload.length);
            out.write(payload);
            out.flush();
        }

        /** Reads until the response (or ERROR) for {@code tag}; answers a signature action on the way. */
        JsonNode responseTo(String tag) throws IOException {
            while (true) {
                byte[] payload = new byte[in.readInt()];
                in.readFully(payload);
                String text = new String(payload, StandardCharsets.UTF_8);
                received.add(text);
                JsonNode message = JSON.readTree(text);
                String type = message.path("type").asText();
                if (type.equals("EXECUTE_TRANSACTION_ACTION")) {
                    send(signatureOnReceipt());
                } else if (tag.equals(message.path("tag").asText())
                        && (type.endsWith("_RESPONSE") || "ERROR".equals(message.path("status").asText()))) {
                    return message;
                }
            }
        }

        /** Runs a charge and returns its final transaction. */
        JsonNode pay(String tag, String amount) throws IOException {
            send(execute(tag, amount));
            JsonNode response = responseTo(tag);
            assertThat(response.path("status").asText()).as("%s: %s", tag, response).isEqualTo("OK");
            return response.path("executeTransactionResponse").path("transaction");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
