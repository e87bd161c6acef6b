package io.tillgate.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tillgate.app.Gateway;
import io.tillgate.app.TestSettings;
import io.tillgate.app.TillgateCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command with {@code --json}, run in-process through {@code tillgate} against a real
 * gateway on free loopback ports with simulated terminals: standard output must parse as exactly
 * one JSON document with the fields docs/cli-json.md lists, and the exit codes must be those of
 * the text mode.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JsonOutputEndToEndTest {

    /** Fails on anything after the first document, so "exactly one document" is checked too. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String MASKED_PAN = "[0-9]{6}\\*+[0-9]{4}";
    private static final String ID = "[0-9a-f]{32}";

    @TempDir
    static Path dir;

    private static Gateway gateway;
    private static Path config;

    @BeforeAll
    static void startGateway() throws IOException {
        gateway = Gateway.start(TestSettings.fastDefault(dir).withTransactionTimeout(Duration.ofSeconds(2)));
        config = dir.resolve("tillgate.yaml");
        // The journal tools read the journal the gateway writes, named by a configuration of their own.
        Files.writeString(config, String.join("\n",
                "journal:",
                "  url: jdbc:sqlite:" + dir.resolve("journal.db").toAbsolutePath(),
                "merchants:",
                "  - id: demo",
                "    secret: tillgate-demo-secret",
                "    terminals: [sim-1]",
                "terminals:",
                "  - id: sim-1",
                ""));
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void anApprovedPaymentIsOneDocumentWithAmountCardAndReceipts() {
        Run run = client("pay", "--amount", "12.00", "--subject", "Coffee", "--custom-id", "json-1", "--json");

        assertThat(run.code).as(run.toString()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.get("tag").asText()).matches("[0-9a-f-]{36}");
        assertThat(doc.get("device").get("id").asText()).isEqualTo("sim-1");
        assertThat(doc.get("device").get("name").asText()).isEqualTo("Simulated terminal 1");
        assertThat(doc.get("error").isNull()).isTrue();
        JsonNode t = doc.get("transaction");
        assertThat(t.get("id").asText()).matches(ID);
        assertThat(t.get("type").asText()).isEqualTo("CHARGE");
        assertThat(t.get("status").asText()).isEqualTo("APPROVED");
        assertAmount(t.get("amount"), 1200, "EUR", "12.00 EUR");
        assertThat(t.get("captured").asBoolean()).isTrue();
        assertThat(t.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(t.get("subject").asText()).isEqualTo("Coffee");
        assertThat(t.get("customIdentifier").asText()).isEqualTo("json-1");
        assertThat(t.get("referencedId").isNull()).isTrue();
        assertThat(t.get("card").get("maskedNumber").asText()).matches(MASKED_PAN);
        assertThat(t.get("card").get("scheme").asText()).isNotBlank();
        assertThat(t.get("authorizationCode").asText()).isNotBlank();
        assertThat(t.get("receipts").get("customer")).isNotEmpty();
        assertThat(t.get("receipts").get("merchant")).isNotEmpty();
        assertThat(texts(t.get("receipts").get("customer"))).anySatisfy(line -> assertThat(line).contains("Coffee"));
        // The progress goes to standard error, where it does not spoil the document.
        assertThat(run.err).contains("Paying 12.00 EUR on sim-1 (Simulated terminal 1), tag " + doc.get("tag").asText())
                .containsPattern("(?m)^  [A-Z_]+  .+$");
    }

    @Test
    void aDeclinedPaymentExitsWithOneAndIsStillADocument() {
        Run run = client("pay", "--amount", "12.91", "--json");

        assertThat(run.code).as(run.toString()).isEqualTo(1);
        JsonNode doc = run.json();
        assertThat(doc.get("transaction").get("status").asText()).isEqualTo("DECLINED");
        assertAmount(doc.get("transaction").get("amount"), 1291, "EUR", "12.91 EUR");
        assertThat(doc.get("error").isNull()).isTrue();
    }

    @Test
    void aLoginErrorIsADocumentWithTheErrorAndNeverTheSecret() {
        Run pay = client("pay", "--amount", "1.00", "--secret", "open-sesame-42", "--json");
        Run devices = client("devices", "--secret", "open-sesame-42", "--json");

        assertThat(pay.code).as(pay.toString()).isEqualTo(3);
        JsonNode error = pay.json().get("error");
        assertThat(error.get("exitCode").asInt()).isEqualTo(3);
        assertThat(error.get("message").asText()).contains("login failed: SERVER_AUTHENTICATION_FAILED");
        assertThat(error.get("p3ErrorType").asText()).isEqualTo("SERVER_AUTHENTICATION_FAILED");
        assertThat(pay.json().get("transaction").isNull()).isTrue();
        assertThat(devices.code).as(devices.toString()).isEqualTo(3);
        assertThat(devices.json().get("devices").isNull()).isTrue();
        assertThat(devices.json().get("error").get("exitCode").asInt()).isEqualTo(3);
        assertThat(pay.out + pay.err + devices.out + devices.err).doesNotContain("open-sesame-42");
    }

    @Test
    void noServerIsAConnectionErrorDocument() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        Run run = run("query", "--url", "tcp://127.0.0.1:" + port, "--id", "x", "--json");

        assertThat(run.code).as(run.toString()).isEqualTo(3);
        assertThat(run.json().get("error").get("message").asText())
                .contains("cannot connect to tcp://127.0.0.1:" + port);
    }

    @Test
    void aPreAuthorisationIsCapturedOnceAndOnlyThenRefundable() {
        Run preauth = client("pay", "--amount", "40.00", "--no-capture", "--json");
        assertThat(preauth.code).as(preauth.toString()).isZero();
        String id = preauth.json().get("transaction").get("id").asText();
        assertThat(preauth.json().get("transaction").get("captured").asBoolean()).isFalse();

        Run refundTooEarly = client("refund", "--transaction", id, "--json");
        assertThat(refundTooEarly.code).as(refundTooEarly.toString()).isEqualTo(1);
        assertThat(refundTooEarly.json().get("error").get("message").asText()).contains("is not captured");

        Run capture = client("capture", "--transaction", id, "--amount", "35.50", "--json");
        assertThat(capture.code).as(capture.toString()).isZero();
        JsonNode captured = capture.json().get("transaction");
        assertThat(captured.get("id").asText()).isEqualTo(id);
        assertThat(captured.get("status").asText()).isEqualTo("APPROVED");
        assertThat(captured.get("captured").asBoolean()).isTrue();
        assertThat(capture.json().get("error").isNull()).isTrue();
        assertThat(capture.err).contains("Capturing 35.50 EUR of transaction " + id);

        Run twice = client("capture", "--transaction", id, "--json");
        assertThat(twice.code).as(twice.toString()).isEqualTo(1);
        JsonNode error = twice.json().get("error");
        assertThat(error.get("message").asText()).contains("already captured");
        assertThat(error.get("exitCode").asInt()).isEqualTo(1);
        assertThat(error.get("p3ErrorType").asText()).isNotBlank();
        assertThat(twice.json().get("transaction").isNull()).isTrue();

        Run query = client("query", "--id", id, "--json");
        assertThat(query.code).as(query.toString()).isZero();
        assertThat(query.json().get("transaction").get("captured").asBoolean()).isTrue();
    }

    @Test
    void captureInTextShowsTheCapturedPreAuthorisation() {
        Run preauth = client("pay", "--amount", "20.00", "--no-capture", "--json");
        String id = preauth.json().get("transaction").get("id").asText();

        Run capture = client("capture", "--transaction", id);

        assertThat(capture.code).as(capture.toString()).isZero();
        assertThat(capture.out).contains("Capturing in full of transaction " + id)
                .containsPattern("(?m)^APPROVED 20\\.00 EUR  id=" + id + "  card=" + MASKED_PAN + "  auth=\\S+  "
                        + "captured=true$");
        assertThat(client("capture", "--transaction", "0123456789abcdef0123456789abcdef").code).isEqualTo(1);
    }

    @Test
    void aRefundAndTheQueriesAreDocuments() {
        Run pay = client("pay", "--amount", "30.00", "--custom-id", "json-refund", "--json");
        String id = pay.json().get("transaction").get("id").asText();
        String tag = pay.json().get("tag").asText();

        Run refund = client("refund", "--transaction", id, "--amount", "10.00", "--custom-id", "R-1", "--json");
        assertThat(refund.code).as(refund.toString()).isZero();
        JsonNode t = refund.json().get("transaction");
        assertThat(t.get("type").asText()).isEqualTo("REFUND");
        assertThat(t.get("status").asText()).isEqualTo("APPROVED");
        assertThat(t.get("referencedId").asText()).isEqualTo(id);
        assertThat(t.get("customIdentifier").asText()).isEqualTo("R-1");
        assertAmount(t.get("amount"), 1000, "EUR", "10.00 EUR");
        assertThat(refund.err).contains("Refunding 10.00 EUR of transaction " + id);

        Run byTag = client("query", "--tag", tag, "--json");
        assertThat(byTag.code).as(byTag.toString()).isZero();
        assertThat(byTag.json().get("transaction").get("id").asText()).isEqualTo(id);
        assertAmount(byTag.json().get("transaction").get("amount"), 3000, "EUR", "30.00 EUR");
        assertThat(byTag.json().get("transaction").get("card").get("maskedNumber").asText()).matches(MASKED_PAN);

        Run unknown = client("query", "--tag", "no-such-tag", "--json");
        assertThat(unknown.code).as(unknown.toString()).isEqualTo(1);
        assertThat(unknown.json().get("transaction").isNull()).isTrue();
        assertThat(unknown.json().get("error").get("p3ErrorType").asText())
                .isEqualTo("TRANSACTION_REFERENCE_NOT_FOUND");
        assertThat(unknown.json().get("error").get("exitCode").asInt()).isEqualTo(1);
    }

    @Test
    void devicesListsTheMerchantsDevices() {
        Run json = client("devices", "--json");
        Run text = run("devices", "--url", gateway.p3TcpUri().toString());

        assertThat(json.code).as(json.toString()).isZero();
        assertThat(json.json().get("merchant").asText()).isEqualTo("demo");
        JsonNode devices = json.json().get("devices");
        assertThat(devices).hasSize(2);
        assertThat(devices.get(0).get("id").asText()).isEqualTo("sim-1");
        assertThat(devices.get(0).get("name").asText()).isEqualTo("Simulated terminal 1");
        assertThat(devices.get(0).get("type").asText()).isEqualTo("MOCK");
        assertThat(devices.get(0).get("comlink").asText()).isEqualTo("MOCK");
        assertThat(devices.get(0).get("resource").asText()).isEqualTo("devices/sim-1");
        assertThat(devices.get(1).get("id").asText()).isEqualTo("sim-2");
        assertThat(text.code).as(text.toString()).isZero();
        assertThat(text.out).containsPattern("(?m)^ID +NAME +TYPE +COMLINK$")
                .containsPattern("(?m)^sim-1 +Simulated terminal 1 +MOCK +MOCK$")
                .containsPattern("(?m)^sim-2 +Simulated terminal 2 +MOCK +MOCK$")
                .contains("2 device(s) of merchant demo");
    }

    @Test
    void journalListAndShowAreDocuments() {
        Run pay = client("pay", "--amount", "14.00", "--custom-id", "json-journal", "--json");
        String id = pay.json().get("transaction").get("id").asText();

        Run list = run("journal", "-c", config.toString(), "list", "--reference", "json-journal", "--json");
        assertThat(list.code).as(list.toString()).isZero();
        assertThat(list.json().get("count").asInt()).isEqualTo(1);
        JsonNode row = list.json().get("transactions").get(0);
        assertThat(row.get("id").asText()).isEqualTo(id);
        assertThat(row.get("state").asText()).isEqualTo("APPROVED");
        assertThat(row.get("kind").asText()).isEqualTo("SALE");
        assertAmount(row.get("amount"), 1400, "EUR", "14.00 EUR");
        assertThat(row.get("merchant").asText()).isEqualTo("demo");
        assertThat(row.get("terminal").asText()).isEqualTo("sim-1");
        assertThat(row.get("protocol").asText()).isEqualTo("P3");
        assertThat(row.get("requestReference").asText()).isEqualTo(pay.json().get("tag").asText());
        assertThat(row.get("reference").asText()).isEqualTo("json-journal");
        assertThat(row.get("captured").asBoolean()).isTrue();
        JsonNode outcome = row.get("outcome");
        assertThat(outcome.get("result").asText()).isEqualTo("APPROVED");
        assertAmount(outcome.get("approvedAmount"), 1400, "EUR", "14.00 EUR");
        assertThat(outcome.get("card").get("maskedNumber").asText()).matches(MASKED_PAN);
        assertThat(outcome.get("authorizationCode").asText())
                .isEqualTo(pay.json().get("transaction").get("authorizationCode").asText());

        Run lastDay = run("journal", "-c", config.toString(), "list", "--json");
        assertThat(lastDay.json().get("count").asInt()).isEqualTo(lastDay.json().get("transactions").size())
                .isPositive();

        Run show = run("journal", "-c", config.toString(), "show", id, "--json");
        assertThat(show.code).as(show.toString()).isZero();
        assertThat(show.json().get("transaction")).isEqualTo(row);
        List<String> states = new ArrayList<>();
        show.json().get("history").forEach(event -> {
            assertThat(event.get("at").asText()).endsWith("Z");
            states.add(event.get("state").asText());
        });
        assertThat(states).startsWith("CREATED").endsWith("APPROVED");

        Run missing = run("journal", "-c", config.toString(), "show", "0123456789abcdef0123456789abcdef", "--json");
        assertThat(missing.code).as(missing.toString()).isEqualTo(1);
        assertThat(missing.json().get("transaction").isNull()).isTrue();
        assertThat(missing.json().get("error").get("message").asText())
                .isEqualTo("no transaction 0123456789abcdef0123456789abcdef in the journal");
    }

    @Test
    void aMissingJournalIsAnErrorDocument() {
        Run run = run("journal", "-c", writeConfigWithoutJournal().toString(), "list", "--json");

        assertThat(run.code).as(run.toString()).isEqualTo(2);
        assertThat(run.json().get("transactions").isNull()).isTrue();
        assertThat(run.json().get("error").get("message").asText()).startsWith("no journal at ");
    }

    @Test
    void theNewCommandsExplainThemselves() {
        Run capture = run("capture", "--help");
        Run devices = run("devices", "--help");

        assertThat(capture.code).isZero();
        assertThat(capture.out).contains("--transaction").contains("--amount").contains("--json")
                .contains("tillgate pay --no-capture").contains("Exit codes: 0 captured").contains("Examples:")
                .doesNotContain(ClientOptions.DEMO_SECRET);
        assertThat(devices.code).isZero();
        assertThat(devices.out).contains("LOGIN_MERCHANT").contains("--merchant").contains("--json")
                .contains("Examples:").doesNotContain(ClientOptions.DEMO_SECRET);
        for (String command : List.of("pay", "refund", "query")) {
            assertThat(run(command, "--help").out).as(command).contains("--json").contains("docs/cli-json.md");
        }
        assertThat(run("journal", "list", "--help").out).contains("--json");
        assertThat(run("journal", "show", "--help").out).contains("--json");
    }

    // ------------------------------------------------------------------------------------------

    private static Path writeConfigWithoutJournal() {
        Path file = dir.resolve("elsewhere.yaml");
        try {
            Files.writeString(file, Files.readString(config).replace(dir.resolve("journal.db").toAbsolutePath()
                    .toString(), dir.resolve("nothing-here.db").toAbsolutePath().toString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    private static void assertAmount(JsonNode amount, long minor, String currency, String display) {
        assertThat(amount.get("minor").isIntegralNumber()).as("%s", amount).isTrue();
        assertThat(amount.get("minor").asLong()).isEqualTo(minor);
        assertThat(amount.get("currency").asText()).isEqualTo(currency);
        assertThat(amount.get("display").asText()).isEqualTo(display);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** A client command against the test gateway over WebSocket. */
    private static Run client(String command, String... args) {
        return run(Stream.concat(Stream.of(command, "--url", gateway.p3WebSocketUri().toString()), Stream.of(args))
                .toArray(String[]::new));
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new TillgateCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {

        /** Standard output as exactly one JSON document. */
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("standard output is not one JSON document: " + e.getMessage() + "\n" + this);
            }
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
