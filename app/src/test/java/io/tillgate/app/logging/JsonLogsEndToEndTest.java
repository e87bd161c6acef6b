package io.tillgate.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tillgate.app.TillgateCommand;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.MaskedPan;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.TransactionStatus;
import io.tillgate.p3.codec.P3Transaction;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tillgate serve} in a JVM of its own with {@code TILLGATE_LOG_FORMAT=json}, paid through over
 * P3: every line it writes is a JSON object, the lines of a payment carry its id, and a card number
 * a POS put in its reference reaches the log masked.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JsonLogsEndToEndTest {

    /** A test card number, put together at run time so that no card number sits in this source. */
    private static final String PAN = "4111" + "1111" + "1111" + "1111";
    private static final Pattern P3_TCP = Pattern.compile("tcp://127\\.0\\.0\\.1:(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyLineIsJsonAndAPaymentsLinesCarryItsId() throws Exception {
        Path config = dir.resolve("tillgate.yaml");
        Files.writeString(config, """
                gateway: {host: 127.0.0.1}
                journal: {url: memory}
                p3: {websocketPort: 0, tcpPort: 0}
                merchants:
                  - {id: demo, secret: tillgate-demo-secret, terminals: [sim-1]}
                terminals:
                  - {id: sim-1, speed: fast}
                """);
        Path log = dir.resolve("tillgate.log");
        ProcessBuilder serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                TillgateCommand.class.getName(), "serve", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        serve.environment().put("TILLGATE_LOG_FORMAT", "json");
        serve.environment().put("TILLGATE_LOG_LEVEL", "DEBUG");
        Process gateway = serve.start();
        String paid;
        try {
            int port = Integer.parseInt(awaitLine(gateway, log, P3_TCP).group(1));
            try (PayClient pos = PayClient.builder(URI.create("tcp://127.0.0.1:" + port)).build()) {
                pos.connect().get(10, TimeUnit.SECONDS);
                pos.login("demo", "tillgate-demo-secret").get(10, TimeUnit.SECONDS);
                ChargeRequest charge = ChargeRequest.of("sim-1", Money.ofMajor("12.00", "EUR"))
                        .withCustomIdentifier("order " + PAN);
                P3Transaction first = pos.charge(charge, null).outcome().get(10, TimeUnit.SECONDS).transaction();
                P3Transaction retried = pos.charge(ChargeRequest.of("sim-1", Money.ofMajor("12.00", "EUR"))
                        .withCustomIdentifier("order " + PAN), null).outcome().get(10, TimeUnit.SECONDS).transaction();
                assertThat(TransactionStatus.of(first)).isEqualTo(TransactionStatus.APPROVED);
                assertThat(retried.identifier()).as("a retry after an approval gets the approval")
                        .isEqualTo(first.identifier());
                paid = first.identifier();
            }
        } finally {
            gateway.destroy();
            assertThat(gateway.waitFor(20, TimeUnit.SECONDS)).as("stopped by SIGTERM").isTrue();
        }

        List<JsonNode> lines = parse(Files.readAllLines(log, StandardCharsets.UTF_8));
        assertThat(Files.readString(log)).doesNotContain(PAN);
        List<JsonNode> ofPayment = lines.stream()
                .filter(line -> line.has("transaction") && line.get("transaction").asText().equals(paid)).toList();
        assertThat(ofPayment).extracting(line -> line.get("message").asText())
                .anySatisfy(message -> assertThat(message).contains("sent to terminal sim-1"))
                .anySatisfy(message -> assertThat(message).contains("APPROVED"))
                .anySatisfy(message -> assertThat(message).contains("named again by reference 'order "
                        + MaskedPan.of(PAN).value() + "'"));
        assertThat(lines).filteredOn(line -> line.get("message").asText().startsWith("Tillgate ready"))
                .singleElement().satisfies(line -> assertThat(line.has("transaction")).isFalse());
    }

    /** Every line of the log as JSON; a line that is not fails the test, naming it. */
    private static List<JsonNode> parse(List<String> lines) {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : lines) {
            try {
                JsonNode node = JSON.readTree(line);
                assertThat(node.isObject()).as("an object: %s", line).isTrue();
                assertThat(node.has("timestamp") && node.has("level") && node.has("logger") && node.has("message"))
                        .as("the fields of: %s", line).isTrue();
                parsed.add(node);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }
        return parsed;
    }

    /** Waits until a line of the log matches {@code pattern}. */
    private static Matcher awaitLine(Process gateway, Path log, Pattern pattern)
            throws IOException, InterruptedException {
        while (true) {
            if (!gateway.isAlive()) {
                throw new AssertionError("tillgate serve exited with " + gateway.exitValue() + ":\n"
                        + Files.readString(log));
            }
            if (Files.exists(log)) {
                Matcher found = pattern.matcher(Files.readString(log));
                if (found.find()) {
                    return found;
                }
            }
            Thread.sleep(50);
        }
    }
}
