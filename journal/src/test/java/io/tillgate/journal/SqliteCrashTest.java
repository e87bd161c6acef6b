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
import java.util.List;
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

    /** What the child writes for every transaction. */
    private static final List<TransactionState> STEPS = List.of(TransactionState.CREATED, TransactionState.SENT,
            TransactionState.IN_PROGRESS, TransactionState.APPROVED);

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
                List<TransactionState> history = journal.history(id).stream().map(TransactionEvent::state).toList();
                assertThat(history).as("history of %s", id).contains(state)
                        .as("every step of %s once, in order, none skipped", id)
                        .isEqualTo(STEPS.subList(0, history.size()))
                        .as("history of %s ends in its row's state", id).endsWith(stored.state());
                if (state.isFinal()) {
                    assertThat(history).as("history of %s, whose outcome was reported", id).isEqualTo(STEPS);
                }
            });
        }
    }

    /** Keeps the furthest state reported: a progress report may arrive after its outcome's. */
    private static void record(String line, Map<String, TransactionState> promised) {
        String[] parts = line.split(" ");
        if (parts.length == 3 && parts[0].equals("durable")) {
            promised.merge(parts[1], TransactionState.valueOf(parts[2]),
                    (earlier, later) -> later.ordinal() > earlier.ordinal() ? later : earlier);
        }
    }
}
