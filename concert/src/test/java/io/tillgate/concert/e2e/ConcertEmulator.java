package io.tillgate.concert.e2e;

import io.tillgate.concert.frontend.ConcertFrontEnd;
import io.tillgate.concert.frontend.ConcertFrontEndConfig;
import io.tillgate.core.service.PaymentService;
import io.tillgate.core.service.PaymentServiceSettings;
import io.tillgate.core.simulated.SimulatedTerminal;
import io.tillgate.core.simulated.SimulatedTiming;
import io.tillgate.core.transaction.InMemoryTransactionStore;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;

/**
 * The Concert terminal emulator exactly as the application builds it: a {@link ConcertFrontEnd} in
 * front of a real {@link PaymentService} over a {@link SimulatedTerminal}, on a free loopback port.
 * Cents 93 waits {@link #SLOW_CARD}; cents 95 is settled UNKNOWN by {@link #TRANSACTION_TIMEOUT}.
 */
final class ConcertEmulator implements AutoCloseable {

    static final String MERCHANT = "demo";
    static final String TERMINAL = "sim-1";
    static final Duration SLOW_CARD = Duration.ofMillis(600);
    static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(4);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final InMemoryTransactionStore store = new InMemoryTransactionStore();
    private final PaymentService payments;
    private final ConcertFrontEnd frontEnd;
    private final InetSocketAddress address;

    ConcertEmulator() {
        this(UnaryOperator.identity());
    }

    /** @param settings changes to the front-end's settings (the quiet interval, say) */
    ConcertEmulator(UnaryOperator<ConcertFrontEndConfig> settings) {
        SimulatedTiming timing = new SimulatedTiming(Duration.ZERO, Duration.ZERO, SLOW_CARD);
        payments = new PaymentService(List.of(new SimulatedTerminal(TERMINAL, timing, scheduler, true)), store,
                PaymentServiceSettings.defaults().withTransactionTimeout(TRANSACTION_TIMEOUT), Clock.systemUTC());
        frontEnd = new ConcertFrontEnd(settings.apply(ConcertFrontEndConfig.defaults(MERCHANT, TERMINAL)
                .withBind("127.0.0.1", 0)
                .withContractNumber("1234567")
                .withTickets(24, ZoneOffset.UTC)), payments);
        address = frontEnd.start();
    }

    InetSocketAddress address() {
        return address;
    }

    InMemoryTransactionStore store() {
        return store;
    }

    PaymentService payments() {
        return payments;
    }

    @Override
    public void close() {
        frontEnd.close();
        payments.close();
        scheduler.shutdownNow();
    }
}
