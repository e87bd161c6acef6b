package io.tillgate.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tillgate.core.payment.MaskedPan;
import io.tillgate.core.transaction.TransactionMdc;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The gateway's own {@code logback.xml}, loaded into a logger context of its own with
 * {@code TILLGATE_LOG_FORMAT} set as the operator would set it; the console appender it chose is
 * then pointed at a byte buffer, so the test reads exactly the bytes the gateway would print.
 */
class LogFormatTest {

    /** A test card number, put together at run time so that no card number sits in this source. */
    private static final String PAN = "4111" + "1111" + "1111" + "1111";
    private static final String MASKED = MaskedPan.of(PAN).value();
    private static final String TRANSACTION = "018f6b3a2c4d7e8f9a0b1c2d3e4f5a6b";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @AfterEach
    void stopContext() {
        context.stop();
    }

    @Test
    void jsonIsOneMaskedObjectPerLineWithTheTransactionOfItsStep() throws Exception {
        Logger log = configure("json");

        log.info("gateway ready");
        TransactionMdc.run(TRANSACTION, () -> log.warn("card {} declined", PAN));
        TransactionMdc.run(TRANSACTION, () -> log.error("journal write failed", new IllegalStateException(
                "payment with " + PAN + " not journalled", new UncheckedIOException("card " + PAN,
                        new IOException("disk full")))));

        String output = output();
        assertThat(output).doesNotContain(PAN);
        assertNoWarningsFromLogback();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(3);
        JsonNode ready = lines.get(0);
        assertThat(fieldNames(ready)).containsExactly("timestamp", "level", "thread", "logger", "message");
        assertThat(ready.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3,9}Z");
        assertThat(ready.get("level").asText()).isEqualTo("INFO");
        assertThat(ready.get("thread").asText()).isEqualTo(Thread.currentThread().getName());
        assertThat(ready.get("logger").asText()).isEqualTo("io.tillgate.test");
        assertThat(ready.get("message").asText()).isEqualTo("gateway ready");

        JsonNode declined = lines.get(1);
        assertThat(declined.get("message").asText()).isEqualTo("card " + MASKED + " declined");
        assertThat(declined.get("transaction").asText()).isEqualTo(TRANSACTION);

        JsonNode failed = lines.get(2);
        assertThat(failed.get("message").asText()).as("no stack trace appended").isEqualTo("journal write failed");
        assertThat(failed.get("transaction").asText()).isEqualTo(TRANSACTION);
        assertThat(failed.get("stackTrace").asText())
                .contains("java.lang.IllegalStateException: payment with " + MASKED + " not journalled")
                .contains("Caused by: java.io.UncheckedIOException: card " + MASKED)
                .contains("Caused by: java.io.IOException: disk full")
                .contains("\tat " + LogFormatTest.class.getName());
    }

    @Test
    void textShowsTheTransactionOnlyOnTheLinesOfItsSteps() throws Exception {
        Logger log = configure("text");

        log.info("gateway ready");
        TransactionMdc.run(TRANSACTION, () -> log.warn("card {} declined", PAN));

        assertNoWarningsFromLogback();
        List<String> lines = output().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains(" INFO  [").endsWith("] io.tillgate.test - gateway ready");
        assertThat(lines.get(1)).endsWith("io.tillgate.test tx=" + TRANSACTION + " - card " + MASKED + " declined");
    }

    @Test
    void anUnknownFormatLogsTextAndSaysSo() throws Exception {
        configure("xml");

        assertThat(context.getStatusManager().getCopyOfStatusList()).anySatisfy(status -> {
            assertThat(status.getLevel()).isEqualTo(Status.WARN);
            assertThat(status.getMessage())
                    .isEqualTo("TILLGATE_LOG_FORMAT 'xml' is neither text nor json; logging text");
        });
    }

    /** Loads logback.xml as with {@code TILLGATE_LOG_FORMAT=format}; its console appender writes to the buffer. */
    private Logger configure(String format) throws JoranException {
        // The MDC that org.slf4j.MDC, and so TransactionMdc, writes to.
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.putProperty("TILLGATE_LOG_FORMAT", format);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        @SuppressWarnings("unchecked")
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("CONSOLE");
        assertThat(console.getEncoder()).as("the encoder of " + format).isInstanceOf(format.equals("json")
                ? LoggingEventCompositeJsonEncoder.class : PatternLayoutEncoder.class);
        root.detachAppender(console);
        OutputStreamAppender<ILoggingEvent> buffer = new OutputStreamAppender<>();
        buffer.setContext(context);
        buffer.setEncoder(console.getEncoder());
        buffer.setOutputStream(printed);
        buffer.start();
        root.addAppender(buffer);
        return context.getLogger("io.tillgate.test");
    }

    /** A warning would make Logback print its whole status list at start-up, which is not JSON. */
    private void assertNoWarningsFromLogback() {
        assertThat(context.getStatusManager().getCopyOfStatusList()).allSatisfy(status -> assertThat(
                status.getEffectiveLevel()).as(status.getMessage()).isLessThan(Status.WARN));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
