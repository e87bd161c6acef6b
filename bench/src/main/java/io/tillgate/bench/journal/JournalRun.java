package io.tillgate.bench.journal;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.CardScheme;
import io.tillgate.core.payment.CardholderVerification;
import io.tillgate.core.payment.EntryMode;
import io.tillgate.core.payment.MaskedPan;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.journal.JdbcJournal;
import io.tillgate.journal.JournalSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * One measured run on a fresh SQLite file: W closed-loop writer threads, each taking transactions
 * through their whole journal life (insert CREATED, then SENT, IN_PROGRESS, APPROVED), waiting for
 * every write to be durable before the next. Only writes completed inside the measured window count.
 */
final class JournalRun {

    /** The writes of one transaction: the insert and three state transitions. */
    static final int WRITES_PER_TRANSACTION = 4;

    private static final TransactionOutcome APPROVED = TransactionOutcome.builder(TransactionResult.APPROVED)
            .approvedAmount(Money.ofMinor(1250, "EUR"))
            .card(new MaskedPan("516815******9659"), CardScheme.MASTERCARD, EntryMode.CONTACTLESS)
            .verification(CardholderVerification.NONE)
            .authorisationCode("A1B2C3")
            .references("T-0001", "ACQ-77")
            .receipts(List.of("BENCH SHOP", "VISA CONTACTLESS", "************9659", "TOTAL 12.50 EUR"),
                    List.of("CUSTOMER COPY", "TOTAL 12.50 EUR"))
            .build();

    /** What one run measured. */
    record Result(String mode, double writesPerSecond, double commitsPerSecond, long errors) {

        double writesPerCommit() {
            return commitsPerSecond == 0 ? 0 : writesPerSecond / commitsPerSecond;
        }
    }

    private final int writers;
    private final Duration warmup;
    private final Duration measured;
    private final boolean timeOrderedIds;

    /**
     * @param timeOrderedIds ids that start with the time in milliseconds (48 bits, then 80 random
     *     bits) instead of 128 random bits: B-tree inserts land on the same few pages
     */
    JournalRun(int writers, Duration warmup, Duration measured, boolean timeOrderedIds) {
        this.writers = writers;
        this.warmup = warmup;
        this.measured = measured;
        this.timeOrderedIds = timeOrderedIds;
    }

    Result run(String mode, Path file, int batchLimit) throws InterruptedException {
        LongAdder writes = new LongAdder();
        LongAdder errors = new LongAdder();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        try (JdbcJournal journal = JdbcJournal.open(JournalSettings.sqlite(file), batchLimit)) {
            long start = System.nanoTime();
            long windowStart = start + warmup.toNanos();
            long windowEnd = windowStart + measured.toNanos();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                Thread thread = new Thread(() -> {
                    while (System.nanoTime() < windowEnd) {
                        try {
                            lifecycle(journal, windowStart, windowEnd, writes);
                        } catch (RuntimeException e) {
                            errors.increment();
                            firstError.compareAndSet(null, e);
                        }
                    }
                }, "bench-writer-" + w);
                threads.add(thread);
                thread.start();
            }
            sleepUntil(windowStart);
            long commitsAtStart = journal.commitCount();
            sleepUntil(windowEnd);
            long commits = journal.commitCount() - commitsAtStart;
            for (Thread thread : threads) {
                thread.join();
            }
            if (journal.findUnresolved().size() > writers) {
                errors.increment();
                firstError.compareAndSet(null, new IllegalStateException("more unresolved transactions than writers"));
            }
            double seconds = measured.toNanos() / 1e9;
            if (firstError.get() != null) {
                System.err.println(mode + ": first error: " + firstError.get());
            }
            return new Result(mode, writes.sum() / seconds, commits / seconds, errors.sum());
        }
    }

    private void lifecycle(JdbcJournal journal, long windowStart, long windowEnd, LongAdder writes) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TransactionRecord created = new TransactionRecord(newId(), "bench", "till-1", "P3",
                "tag-" + ThreadLocalRandom.current().nextInt(1_000_000), PaymentKind.SALE,
                Money.ofMinor(1250, "EUR"), null, null, "Order", false, false, TransactionState.CREATED, null, now, now);
        journal.insert(created).join();
        count(windowStart, windowEnd, writes);
        TransactionRecord sent = created.withState(TransactionState.SENT, now);
        journal.update(sent).join();
        count(windowStart, windowEnd, writes);
        TransactionRecord progress = sent.withState(TransactionState.IN_PROGRESS, now);
        journal.update(progress).join();
        count(windowStart, windowEnd, writes);
        journal.update(progress.withOutcome(APPROVED, true, now)).join();
        count(windowStart, windowEnd, writes);
    }

    private static void count(long windowStart, long windowEnd, LongAdder writes) {
        long now = System.nanoTime();
        if (now >= windowStart && now < windowEnd) {
            writes.increment();
        }
    }

    private String newId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        if (timeOrderedIds) {
            long millis = System.currentTimeMillis();
            for (int i = 0; i < 6; i++) {
                bytes[i] = (byte) (millis >>> (40 - 8 * i));
            }
        }
        return HexFormat.of().formatHex(bytes);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000), 0);
        }
    }
}
