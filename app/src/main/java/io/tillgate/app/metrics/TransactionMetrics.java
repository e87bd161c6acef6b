package io.tillgate.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.transaction.TransactionFeed;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.core.transaction.TransactionStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Transactions as the journal records them: how many settled, by protocol, terminal, kind and
 * outcome; how long they took from creation to their outcome, by protocol, kind and outcome; and how
 * many are unresolved now. The durations are not told apart by terminal: a histogram is a dozen
 * series, and a gateway with hundreds of terminals would have thousands to scrape.
 *
 * <p>A transaction settles once: when it reaches a final state, or UNKNOWN, whichever comes first;
 * an operator resolving an UNKNOWN one later changes the unresolved gauge, not the counts. To tell
 * a settling write from the others (progress, a capture marking an approved pre-authorisation) it
 * keeps the id of every unresolved transaction, which is also what the gauge counts; so memory
 * grows with transactions running or UNKNOWN, not with traffic.
 *
 * <p>Fed on the journal's completion thread: a map update per write, a cached counter and timer
 * per settled transaction, nothing that blocks.
 */
final class TransactionMetrics implements TransactionFeed {

    static final String SETTLED = "tillgate.transactions";
    static final String DURATION = "tillgate.transaction.duration";
    static final String UNRESOLVED = "tillgate.transactions.unresolved";

    /** Histogram buckets of transaction durations: a payment takes seconds, a timeout minutes. */
    private static final Duration[] DURATION_BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(60),
        Duration.ofSeconds(120), Duration.ofSeconds(300)};

    /** Where an unresolved transaction stands: still running, or settled as UNKNOWN. */
    private enum Progress { RUNNING, UNKNOWN }

    private final MeterRegistry registry;
    private final Map<String, Progress> unresolved = new ConcurrentHashMap<>();
    private final Map<OnTerminal, Counter> counts = new ConcurrentHashMap<>();
    private final Map<Settled, Timer> durations = new ConcurrentHashMap<>();

    TransactionMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(UNRESOLVED, unresolved, Map::size).strongReference(true)
                .description("Transactions without a final outcome: running, or UNKNOWN until resolved")
                .register(registry);
    }

    /**
     * Takes the journal's unresolved transactions as the starting point. Call it once, before the
     * gateway takes work and before subscribing to the journal; it reads the database, so never on
     * an event loop.
     */
    void seed(TransactionStore journal) {
        for (TransactionRecord record : journal.findUnresolved()) {
            unresolved.put(record.id(), record.state() == TransactionState.UNKNOWN ? Progress.UNKNOWN
                    : Progress.RUNNING);
        }
    }

    @Override
    public void changed(TransactionRecord transaction) {
        TransactionState state = transaction.state();
        if (state.isFinal()) {
            if (unresolved.remove(transaction.id()) == Progress.RUNNING) {
                settled(transaction);
            }
        } else if (state == TransactionState.UNKNOWN) {
            if (unresolved.put(transaction.id(), Progress.UNKNOWN) != Progress.UNKNOWN) {
                settled(transaction);
            }
        } else {
            unresolved.putIfAbsent(transaction.id(), Progress.RUNNING);
        }
    }

    private void settled(TransactionRecord transaction) {
        Settled settled = new Settled(transaction.protocol(), transaction.kind(), transaction.state());
        counts.computeIfAbsent(new OnTerminal(settled, transaction.terminalId()), this::counter).increment();
        durations.computeIfAbsent(settled, this::timer).record(
                Duration.between(transaction.createdAt(), transaction.updatedAt()).toNanos(), TimeUnit.NANOSECONDS);
    }

    private Counter counter(OnTerminal key) {
        return Counter.builder(SETTLED).tags(key.settled().tags()).tag("terminal", key.terminal())
                .description("Transactions settled: final, or UNKNOWN when the outcome could not be established")
                .register(registry);
    }

    private Timer timer(Settled key) {
        return Timer.builder(DURATION).tags(key.tags()).serviceLevelObjectives(DURATION_BUCKETS)
                .description("From a transaction's creation to its settling outcome").register(registry);
    }

    /** What settled transactions are told apart by: a bounded set of values each. */
    private record Settled(String protocol, PaymentKind kind, TransactionState outcome) {

        Tags tags() {
            return Tags.of("protocol", protocol, "kind", kind.name(), "outcome", outcome.name());
        }
    }

    /** Settled transactions of one terminal, as they are counted. */
    private record OnTerminal(Settled settled, String terminal) {
    }
}
