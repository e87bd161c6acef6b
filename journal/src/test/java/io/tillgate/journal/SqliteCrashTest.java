package io.tillgate.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.core.transaction.TransactionEvent;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write whose future completed survives {@code kill -9}: a child JVM writes and reports each
 * completed write, is killed mid-stream, and the reopened journal must hold every reported state.
 */
class SqliteCrashTest {

    /** Distinct transactions reported durable before the kill; writers are mid-write at that moment. */
    private static final int REPORTS_BEFORE_KILL = 300;

    @TempDir
    Path folder;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void everyCompletedWriteSurvivesAKill() throws Exception {
        Path file = folder.resolve("journal.db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JournalWritingChild.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Map<String, TransactionState> promised = new LinkedHashMap<>();
        try (BufferedReader reports = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (promised.size() < REPORTS_BEFORE_KILL && (line = reports.readLine()) != null) {
                record(line, promised);
            }
            child.destroyForcibly();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(promised).as("transactions reported before the kill").hasSize(REPORTS_BEFORE_KILL);

        try (JdbcJournal journal = JdbcJournal.open(JournalSettings.sqlite(file))) {
            promised.forEach((id, state) -> {
                TransactionRecord stored = journal.findById(id).orElseThrow(
                        () -> new AssertionError("transaction " + id + " was reported durable but is missing"));
                assertThat(stored.state().ordinal()).as("state of %s", id).isGreaterThanOrEqualTo(state.ordinal());
                assertThat(journal.history(id)).extracting(TransactionEvent::state).contains(state);
            });
        }
    }

    private static void record(String line, Map<String, TransactionState> promised) {
        String[] parts = line.split(" ");
        if (parts.length == 3 && parts[0].equals("durable")) {
            promised.put(parts[1], TransactionState.valueOf(parts[2]));
        }
    }
}
