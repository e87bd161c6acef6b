package io.tillgate.testkit;

import io.tillgate.core.service.PaymentService;
import io.tillgate.core.service.PaymentServiceSettings;
import io.tillgate.core.simulated.SimulatedTerminal;
import io.tillgate.core.simulated.SimulatedTiming;
import io.tillgate.core.transaction.InMemoryTransactionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A real {@link PaymentService} over one {@link SimulatedTerminal} whose every step takes an hour,
 * for front-end pipelines driven in an {@code EmbeddedChannel}: whatever a pipeline answers, it
 * answers on the caller's thread, and no terminal event arrives later from another thread while
 * the test runs. A transaction started stays running, so later ones meet a busy terminal.
 */
public final class StalledPayments {

    private static final Duration NEVER = Duration.ofHours(1);
    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stalled-terminal");
        thread.setDaemon(true);
        return thread;
    });

    private StalledPayments() {
    }

    public static PaymentService withTerminal(String terminalId) {
        return new PaymentService(List.of(new SimulatedTerminal(terminalId, new SimulatedTiming(NEVER, NEVER, NEVER),
                SCHEDULER, true)), new InMemoryTransactionStore(),
                PaymentServiceSettings.defaults().withTransactionTimeout(NEVER), Clock.systemUTC());
    }
}
