package io.tillgate.bench.metrics;

import io.tillgate.app.metrics.GatewayMetrics;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.transaction.InMemoryTransactionStore;
import io.tillgate.core.transaction.PublishingTransactionStore;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What metrics add to the journal writes of one transaction, in CPU time of the writing thread: the
 * four writes of an approved sale (created, sent, in progress, approved) through a publishing
 * journal over the in-memory store, once with metrics subscribed and once without, alternating in
 * rounds. CPU time of the thread, not elapsed time, so that other processes on a shared machine
 * change the result little; the difference of the medians is the metrics' cost per transaction, to
 * be set against a whole transaction's CPU time (the load benchmarks' CPU us/tx).
 *
 * <p>Usage: {@code MetricsFeedCost [ROUNDS [TRANSACTIONS_PER_ROUND]]}, by default 21 rounds of
 * 200,000 transactions each side, after 5 unmeasured rounds.
 */
public final class MetricsFeedCost {

    private static final HexFormat HEX = HexFormat.of();
    private static final Money AMOUNT = Money.ofMajor("10.00", "EUR");
    private static final TransactionOutcome APPROVED = TransactionOutcome.of(TransactionResult.APPROVED, null);
    private static final int WARM_UP_ROUNDS = 5;

    private final PublishingTransactionStore journal;
    private long sequence;

    private MetricsFeedCost(PublishingTransactionStore journal) {
        this.journal = journal;
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        MetricsFeedCost without = new MetricsFeedCost(new PublishingTransactionStore(new InMemoryTransactionStore()));
        PublishingTransactionStore observed = new PublishingTransactionStore(new InMemoryTransactionStore());
        try (GatewayMetrics metrics = new GatewayMetrics(List.of("bench-1"))) {
            metrics.watch(observed);
            MetricsFeedCost with = new MetricsFeedCost(observed);
            List<Double> off = new ArrayList<>();
            List<Double> on = new ArrayList<>();
            for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
                // Alternate which side goes first, so that neither always runs on a warmer cache.
                boolean withFirst = round % 2 == 0;
                double first = (withFirst ? with : without).cpuNanosPerTransaction(perRound);
                double second = (withFirst ? without : with).cpuNanosPerTransaction(perRound);
                if (round >= 0) {
                    on.add(withFirst ? first : second);
                    off.add(withFirst ? second : first);
                }
            }
            double medianOff = median(off);
            double medianOn = median(on);
            System.out.printf(Locale.ROOT, "%s %s, %d rounds of %,d transactions each side%n",
                    System.getProperty("java.vm.name"), System.getProperty("java.version"), rounds, perRound);
            System.out.printf(Locale.ROOT, "CPU per transaction's journal writes, median (range): without metrics "
                    + "%.0f ns (%.0f-%.0f), with %.0f ns (%.0f-%.0f); metrics add %.0f ns%n", medianOff,
                    Collections.min(off), Collections.max(off), medianOn, Collections.min(on), Collections.max(on),
                    medianOn - medianOff);
            System.out.println(metrics.scrape().lines().filter(line -> line.startsWith("tillgate_transactions_total"))
                    .findFirst().orElseThrow());
        }
    }

    private double cpuNanosPerTransaction(int transactions) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < transactions; i++) {
            approvedSale();
        }
        return (threads.getCurrentThreadCpuTime() - started) / (double) transactions;
    }

    private void approvedSale() {
        Instant now = Instant.now();
        String id = HEX.toHexDigits(sequence++) + HEX.toHexDigits(0L);
        TransactionRecord created = new TransactionRecord(id, "bench", "bench-1", "P3", "tag-" + id,
                PaymentKind.SALE, AMOUNT, null, null, null, false, false, TransactionState.CREATED, null, now, now);
        journal.insert(created);
        journal.update(created.withState(TransactionState.SENT, now));
        TransactionRecord progress = created.withState(TransactionState.IN_PROGRESS, now);
        journal.update(progress);
        journal.update(progress.withOutcome(APPROVED, true, Instant.now()));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
