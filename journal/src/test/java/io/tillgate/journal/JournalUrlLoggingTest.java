package io.tillgate.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal URL reaches the log and the exceptions only with its secrets hidden: when the journal
 * opens, and when it cannot. Every logger the journal and Flyway use is turned up to DEBUG, so a
 * URL logged at any level would be caught.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalUrlLoggingTest {

    /** Not a real password; put together here so the tests can look for it. */
    private static final String SECRET = "url-" + "s3cret-" + Long.toHexString(System.nanoTime());

    @TempDir
    Path folder;

    @Test
    void openingASqliteJournalLogsTheUrlWithoutItsPassword() {
        String url = "jdbc:sqlite:" + folder.resolve("journal.db") + "?password=" + SECRET;

        try (CapturedLogs logs = CapturedLogs.at(Level.DEBUG, "io.tillgate", "org.flywaydb")) {
            JdbcJournal.open(new JournalSettings(url, null, null)).close();

            assertThat(logs.texts()).isNotEmpty().noneMatch(text -> text.contains(SECRET))
                    .anyMatch(text -> text.startsWith("journal open on ")
                            && text.contains(JdbcUrlRedactor.redact(url)) && text.contains("password=***"));
        }
    }

    @Test
    void openingAPostgresJournalLogsTheUrlWithoutItsPassword() throws SQLException {
        String user = LocalPostgres.userOrSkip();
        String schema = "tg_" + Transactions.newId().substring(0, 12);
        // Trust authentication ignores the password; the driver and Flyway still see the URL it sits in.
        String url = LocalPostgres.URL + "?currentSchema=" + schema + "&password=" + SECRET + "&connectTimeout=5";
        LocalPostgres.execute(LocalPostgres.URL, user, "CREATE SCHEMA " + schema);
        try (CapturedLogs logs = CapturedLogs.at(Level.DEBUG, "io.tillgate", "org.flywaydb", "org.postgresql")) {
            JdbcJournal.open(new JournalSettings(url, user, SECRET)).close();

            assertThat(logs.texts()).isNotEmpty().noneMatch(text -> text.contains(SECRET))
                    .anyMatch(text -> text.startsWith("journal open on " + LocalPostgres.URL + "?currentSchema="
                            + schema + "&password=***&connectTimeout=5"));
        } finally {
            LocalPostgres.execute(LocalPostgres.URL, user, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void aJournalThatCannotBeReachedIsNamedWithoutItsPasswordsInTheExceptionAndEveryCause() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/tillgate?sslpassword=" + SECRET + "&password="
                + SECRET + "&connectTimeout=5";

        try (CapturedLogs logs = CapturedLogs.at(Level.DEBUG, "io.tillgate", "org.flywaydb", "org.postgresql")) {
            JournalException failure = catchThrowableOfType(JournalException.class,
                    () -> JdbcJournal.open(new JournalSettings(url, "gw", SECRET)));

            assertThat(failure).hasMessageContaining("sslpassword=***&password=***");
            assertThat(stackTrace(failure)).contains("127.0.0.1").doesNotContain(SECRET);
            assertThat(logs.texts()).noneMatch(text -> text.contains(SECRET));
        }
    }

    /** A loopback port nothing listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** What a log line with the exception would print: every message, cause and suppressed one. */
    private static String stackTrace(Throwable throwable) {
        StringWriter text = new StringWriter();
        throwable.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
