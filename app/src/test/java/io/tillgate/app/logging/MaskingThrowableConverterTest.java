package io.tillgate.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import io.tillgate.core.payment.MaskedPan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stack trace goes through the same card-number masking as a message. The gateway's own
 * {@code logback.xml} is loaded into a logger context of its own; its console appender's pattern is
 * then written to a byte buffer instead of standard error, so the test reads exactly the bytes the
 * gateway would print.
 */
class MaskingThrowableConverterTest {

    /** A test card number, put together at run time so that no card number sits in this source. */
    private static final String PAN = "4111" + "1111" + "1111" + "1111";
    private static final String MASKED = MaskedPan.of(PAN).value();

    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private Logger log;

    @BeforeEach
    void configureFromTheGatewaysLogbackXml() throws JoranException {
        URL configuration = MaskingThrowableConverterTest.class.getResource("/logback.xml");
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(configuration);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        @SuppressWarnings("unchecked")
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("CONSOLE");
        String pattern = ((PatternLayoutEncoder) console.getEncoder()).getPattern();
        root.detachAppender(console);
        console.stop();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> buffer = new OutputStreamAppender<>();
        buffer.setContext(context);
        buffer.setEncoder(encoder);
        buffer.setOutputStream(printed);
        buffer.start();
        root.addAppender(buffer);
        log = context.getLogger("io.tillgate.test");
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    @Test
    void theExceptionAndEveryCauseAreMasked() {
        SQLException driver = new SQLException("value too long for column: " + PAN);
        UncheckedIOException io = new UncheckedIOException("write of card " + PAN + " failed",
                new IOException("disk full", driver));
        IllegalStateException failure = new IllegalStateException("payment with " + PAN + " not journalled", io);

        log.error("journal write failed", failure);

        String output = output();
        assertThat(output).doesNotContain(PAN)
                .contains("journal write failed")
                .contains("java.lang.IllegalStateException: payment with " + MASKED + " not journalled")
                .contains("Caused by: java.io.UncheckedIOException: write of card " + MASKED + " failed")
                .contains("Caused by: java.sql.SQLException: value too long for column: " + MASKED)
                .contains("\tat " + MaskingThrowableConverterTest.class.getName());
        assertThat(occurrences(output, "java.lang.IllegalStateException")).as("the trace printed once").isEqualTo(1);
    }

    @Test
    void suppressedExceptionsAreMasked() {
        IllegalStateException failure = new IllegalStateException("refund failed");
        failure.addSuppressed(new IOException("closing the terminal session of " + groupedPan() + " failed",
                new IllegalArgumentException("card " + PAN)));

        log.error("refund", failure);

        String output = output();
        assertThat(output).doesNotContain(PAN).doesNotContain(groupedPan())
                .contains("Suppressed: java.io.IOException: closing the terminal session of " + MASKED + " failed")
                .contains("Caused by: java.lang.IllegalArgumentException: card " + MASKED);
    }

    @Test
    void theMessageIsMaskedAsBeforeAndAnEventWithoutExceptionPrintsNoTrace() {
        log.warn("card {} declined", PAN);

        String output = output();
        assertThat(output).doesNotContain(PAN).contains("card " + MASKED + " declined").doesNotContain("\tat ");
        assertThat(output.lines()).hasSize(1);
    }

    /** The same number as a card shows it, in groups of four. */
    private static String groupedPan() {
        return String.join(" ", PAN.substring(0, 4), PAN.substring(4, 8), PAN.substring(8, 12), PAN.substring(12));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
