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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The journal alone, written as the gateway writes a payment: without a gateway's CPU in the way,
 * what the durable journal can carry, and what its writer thread spends per payment.
 */
@Command(name = "PaymentJournalBenchmark", mixinStandardHelpOptions = true, sortOptions = false,
        usageHelpWidth = 110, description = {
            "Durable payments per second through the journal alone, written as the gateway writes them: insert "
                    + "CREATED and wait until durable (the terminal is contacted only then), record SENT and "
                    + "IN_PROGRESS without waiting, record APPROVED with a full outcome and wait (the POS is told "
                    + "only then). P payers in a closed loop.",
            "",
            "Prints payments/s, commits per payment, and the CPU the journal's writer thread used per payment. "
                    + "Uses only the journal's public API, so an older build's journal can be measured with this "
                    + "class first on the class path."},
        footer = {"",
            "Example:",
            "  java -cp bench/target/tillgate-bench.jar io.tillgate.bench.journal.PaymentJournalBenchmark "
                    + "--journal jdbc:sqlite:/tmp/pjb.db"})
public final class PaymentJournalBenchmark implements Callable<Integer> {

    static {
        if (System.getProperty("TILLGATE_LOG_LEVEL") == null) {
            System.setProperty("TILLGATE_LOG_LEVEL", "WARN");
        }
    }

    private static final TransactionOutcome APPROVED = TransactionOutcome.builder(TransactionResult.APPROVED)
            .approvedAmount(Money.ofMinor(1250, "EUR"))
            .card(new MaskedPan("516815******9659"), CardScheme.MASTERCARD, EntryMode.CONTACTLESS)
            .verification(CardholderVerification.NONE)
            .authorisationCode("A1B2C3")
            .references("T-0001", "ACQ-77")
            .receipts(List.of("BENCH SHOP", "VISA CONTACTLESS", "************9659", "TOTAL 12.50 EUR"),
                    List.of("CUSTOMER COPY", "TOTAL 12.50 EUR"))
            .build();

    @Option(names = "--journal", paramLabel = "URL", required = true,
            description = "jdbc:sqlite:FILE or jdbc:postgresql://… (an empty database: its tables are created).")
    String url;

    @Option(names = "--user", description = "Database user (PostgreSQL).")
    String user;

    @Option(names = "--payers", paramLabel = "P", defaultValue = "200",
            description = "Concurrent payers, one payment outstanding each (default: ${DEFAULT-VALUE}).")
    int payers;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
            description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "5",
            description = "Unmeasured seconds first (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new PaymentJournalBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        LongAdder payments = new LongAdder();
        LongAdder errors = new LongAdder();
        try (JdbcJournal journal = JdbcJournal.open(new JournalSettings(url, user, null))) {
            long windowStart = System.nanoTime() + warmupSeconds * 1_000_000_000L;
            long windowEnd = windowStart + seconds * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < payers; p++) {
                Thread thread = new Thread(() -> {
                    while (System.nanoTime() < windowEnd) {
                        try {
                            pay(journal);
                            long now = System.nanoTime();
                            if (now >= windowStart && now < windowEnd) {
                                payments.increment();
                            }
                        } catch (RuntimeException e) {
                            if (errors.sum() == 0) {
                                System.err.println("first error: " + e);
                            }
                            errors.increment();
                        }
                    }
                }, "payer-" + p);
                threads.add(thread);
                thread.start();
            }
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            sleepUntil(windowStart);
            long commitsAtStart = journal.commitCount();
            long writerCpuAtStart = writerCpuNanos(mx);
            long processCpuAtStart = processCpuNanos();
            sleepUntil(windowEnd);
            long commits = journal.commitCount() - commitsAtStart;
            long writerCpu = writerCpuNanos(mx) - writerCpuAtStart;
            long processCpu = processCpuNanos() - processCpuAtStart;
            for (Thread thread : threads) {
                thread.join();
            }
            double paid = payments.sum();
            System.out.printf(Locale.ROOT, "RESULT journal=%s payers=%d payments_s=%.0f commits_per_payment=%.3f "
                    + "writer_cpu_us_per_payment=%.1f process_cores=%.2f errors=%d%n",
                    url.startsWith("jdbc:sqlite:") ? "sqlite" : "postgresql", payers, paid / seconds,
                    commits / paid, writerCpu / 1e3 / paid, processCpu / 1e9 / seconds, errors.sum());
        }
        return errors.sum() == 0 ? 0 : 1;
    }

    private static void pay(JdbcJournal journal) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TransactionRecord created = new TransactionRecord(newId(), "bench", "till-1", "P3",
                "tag-" + ThreadLocalRandom.current().nextInt(1_000_000), PaymentKind.SALE,
                Money.ofMinor(1250, "EUR"), null, null, "Order", false, false, TransactionState.CREATED, null, now, now);
        journal.insert(created).join();
        TransactionRecord sent = created.withState(TransactionState.SENT, now);
        journal.update(sent);
        TransactionRecord progress = sent.withState(TransactionState.IN_PROGRESS, now);
        journal.update(progress);
        journal.update(progress.withOutcome(APPROVED, true, now)).join();
    }

    /** Time-ordered, as the gateway makes them: 48 bits of milliseconds, then random bits. */
    private static String newId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        long millis = System.currentTimeMillis();
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) (millis >>> (40 - 8 * i));
        }
        return HexFormat.of().formatHex(bytes);
    }

    private static long writerCpuNanos(ThreadMXBean mx) {
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals("tillgate-journal-writer")) {
                return mx.getThreadCpuTime(info.getThreadId());
            }
        }
        return 0;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }
}
