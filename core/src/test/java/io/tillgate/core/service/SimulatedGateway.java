package io.tillgate.core.service;

import io.tillgate.core.simulated.SimulatedTerminal;
import io.tillgate.core.simulated.SimulatedTiming;
import io.tillgate.core.transaction.InMemoryTransactionStore;
import io.tillgate.core.transaction.TransactionRecord;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A {@link PaymentService} over two fast simulated terminals, {@code t1} and {@code t2} (which
 * approves partially), and an in-memory journal: what the service tests pay on.
 */
final class SimulatedGateway implements AutoCloseable {

    static final String MERCHANT = "demo";

    final InMemoryTransactionStore store = new InMemoryTransactionStore();
    final PaymentService service;
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    SimulatedGateway(PaymentServiceSettings settings) {
        service = new PaymentService(List.of(new SimulatedTerminal("t1", SimulatedTiming.FAST, scheduler, false),
                new SimulatedTerminal("t2", SimulatedTiming.FAST, scheduler, true)), store, settings,
                Clock.systemUTC());
    }

    /** Runs a request to its end and returns its final record. */
    TransactionRecord run(PaymentRequest request) throws Exception {
        RecordingObserver observer = new RecordingObserver();
        service.execute(request, observer).get(5, TimeUnit.SECONDS);
        return observer.awaitCompleted();
    }

    /** Why {@code future} was refused; fails when it was not. */
    static PaymentException refusal(CompletableFuture<?> future) {
        try {
            future.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return PaymentException.from(e);
        }
        throw new AssertionError("expected a refusal");
    }

    @Override
    public void close() {
        service.close();
        scheduler.shutdownNow();
    }
}
