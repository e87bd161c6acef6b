package io.tillgate.app;

import io.tillgate.core.service.PaymentService;
import io.tillgate.core.transaction.TransactionRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A graceful stop as the operator reads it in the log: new transactions refused at once, how many run
 * and how long the gateway waits for them, and what it leaves to start-up recovery.
 */
final class Drain {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private Drain() {
    }

    /** Stops admitting; completes once nothing runs, or after {@code drainTime}, whichever is first. */
    static CompletableFuture<Void> start(PaymentService payments, Duration drainTime) {
        CompletableFuture<Void> idle = payments.stopAdmitting();
        List<TransactionRecord> running = payments.runningTransactions();
        if (running.isEmpty()) {
            LOG.info("stopping: new transactions are refused; none is running");
            return idle;
        }
        if (drainTime.isZero()) {
            LOG.info("stopping at once (gateway.drainTime is 0): new transactions are refused");
            return CompletableFuture.completedFuture(null);
        }
        LOG.info("stopping: new transactions are refused; waiting up to {} for {} running transaction(s) to "
                + "finish: {}", text(drainTime), running.size(), describe(running));
        long begin = System.nanoTime();
        CompletableFuture<Void> drained = new CompletableFuture<Void>()
                .completeOnTimeout(null, drainTime.toMillis(), TimeUnit.MILLISECONDS);
        idle.thenRun(() -> {
            if (drained.complete(null)) {
                LOG.info("every running transaction finished after {} ms",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
            }
        });
        return drained;
    }

    /** Names what is still running as the gateway closes: start-up recovery settles it. */
    static void reportLeftRunning(PaymentService payments) {
        List<TransactionRecord> left = payments.runningTransactions();
        if (!left.isEmpty()) {
            LOG.warn("closing with {} transaction(s) still running; the next start-up recovers them (asks the "
                    + "terminal where its protocol can, else marks them UNKNOWN for an operator): {}", left.size(),
                    describe(left));
        }
    }

    private static String describe(List<TransactionRecord> transactions) {
        return transactions.stream()
                .map(t -> t.id() + " (" + t.kind() + " " + t.amount() + " on " + t.terminalId() + ", " + t.state()
                        + ")")
                .collect(Collectors.joining(", "));
    }

    private static String text(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
