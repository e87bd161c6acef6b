package io.tillgate.app.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tillgate.journal.CommitObserver;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The journal's group commits: how long each took and how many writes it made durable together.
 * Told on the journal's writer thread, so it only records into two meters made up front.
 */
final class JournalMetrics implements CommitObserver {

    static final String COMMIT = "tillgate.journal.commit";
    static final String BATCH = "tillgate.journal.batch.size";

    /** An fsync takes a millisecond or a few; a slow disk or a remote PostgreSQL more. */
    private static final Duration[] COMMIT_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2),
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1)};

    /** Powers of two up to the journal's batch limit. */
    private static final double[] BATCH_BUCKETS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512};

    private final Timer commits;
    private final DistributionSummary batches;

    JournalMetrics(MeterRegistry registry) {
        this.commits = Timer.builder(COMMIT).serviceLevelObjectives(COMMIT_BUCKETS)
                .description("Journal group commits, from the batch's first statement until the commit returned")
                .register(registry);
        this.batches = DistributionSummary.builder(BATCH).serviceLevelObjectives(BATCH_BUCKETS)
                .description("Writes made durable by one journal commit").register(registry);
    }

    @Override
    public void committed(int writes, long nanos) {
        commits.record(nanos, TimeUnit.NANOSECONDS);
        batches.record(writes);
    }
}
