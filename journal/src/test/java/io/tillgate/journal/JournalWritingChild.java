package io.tillgate.journal;

import static io.tillgate.journal.Transactions.approval;

import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The process {@link SqliteCrashTest} kills: writers that print a line for every write whose future
 * completed, so the test knows exactly what the journal had promised at the moment of the kill. Like
 * the gateway, they wait for the insert and the outcome but not for the progress between. It
 * stops by itself after a bounded time in case nobody kills it.
 */
public final class JournalWritingChild {

    private static final int WRITERS = 8;
    private static final long MAX_RUNTIME_MILLIS = 60_000;

    private JournalWritingChild() {
    }

    public static void main(String[] args) throws Exception {
        JdbcJournal journal = JdbcJournal.open(JournalSettings.sqlite(Path.of(args[0])));
        PrintStream out = System.out;
        long deadline = System.currentTimeMillis() + MAX_RUNTIME_MILLIS;
        Thread[] writers = new Thread[WRITERS];
        for (int w = 0; w < WRITERS; w++) {
            writers[w] = new Thread(() -> {
                while (System.currentTimeMillis() < deadline) {
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    TransactionRecord created = Transactions.sale(now);
                    journal.insert(created).join();
                    report(out, created);
                    // As the gateway does: progress is not waited for, the outcome is, so progress
                    // and outcome usually reach the database together, as one row update.
                    TransactionRecord sent = created.withState(TransactionState.SENT, now);
                    journal.update(sent).thenRun(() -> report(out, sent));
                    TransactionRecord progress = sent.withState(TransactionState.IN_PROGRESS, now);
                    journal.update(progress).thenRun(() -> report(out, progress));
                    TransactionRecord approved = progress.withOutcome(approval(), true, now);
                    journal.update(approved).join();
                    report(out, approved);
                }
            });
            writers[w].start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
        journal.close();
    }

    private static void report(PrintStream out, TransactionRecord record) {
        synchronized (out) {
            out.println("durable " + record.id() + " " + record.state());
            out.flush();
        }
    }
}
