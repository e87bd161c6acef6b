package io.tillgate.core.health;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.tillgate.core.payment.CardDataMasker;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.service.PaymentService;
import io.tillgate.core.terminal.Terminal;
import io.tillgate.core.terminal.TerminalProbeException;
import io.tillgate.core.text.PeerText;
import io.tillgate.core.transaction.TransactionFeed;
import io.tillgate.core.transaction.TransactionRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches whether every terminal answers: probes each one ({@link Terminal#probe()}) at start and
 * then every {@link TerminalMonitorSettings#interval()}, never while it runs a transaction, and
 * keeps a {@link TerminalHealth} per terminal. A transaction that ends with the terminal's own answer
 * counts as a sign of life too: the monitor is the journal's {@link TransactionFeed} for that.
 *
 * <p>Logs a WARN an operator can act on once when a terminal goes offline, and an INFO when it is
 * back, not one line per failed probe. Nothing here blocks: probes are the drivers' futures, the
 * rounds and probe deadlines run on a timer, and listeners are told on the thread that learnt of
 * the change.
 */
public final class TerminalMonitor implements TransactionFeed, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TerminalMonitor.class);
    /** How late a round or a probe deadline may fire; both are seconds long. */
    private static final long TIMER_TICK_MILLIS = 100;

    /** By id, in configuration order then as reloads added them; guarded by {@link #lock}. */
    private final Map<String, Terminal> terminals = new LinkedHashMap<>();
    private final PaymentService payments;
    private final TerminalMonitorSettings settings;
    private final Clock clock;
    private final Timer timer;
    private final List<TerminalHealthListener> listeners = new CopyOnWriteArrayList<>();

    private final Object lock = new Object();
    /** By terminal, in configuration order; guarded by {@link #lock}. */
    private final Map<String, TerminalHealth> health = new LinkedHashMap<>();
    /** The probe under way per terminal, as the driver returned it; guarded by {@link #lock}. */
    private final Map<String, CompletableFuture<Void>> probing = new HashMap<>();
    /** What the probe under way per terminal will complete with; guarded by {@link #lock}. */
    private final Map<String, CompletableFuture<TerminalHealth>> verdicts = new HashMap<>();
    /** Guarded by {@link #lock}. */
    private Timeout nextRound;
    /** Guarded by {@link #lock}. */
    private boolean closed;

    /**
     * @param terminals the terminals to watch
     * @param payments tells which terminal runs a transaction
     * @param clock the time of every {@link TerminalHealth}
     * @param timer runs the rounds and the probe deadlines; the monitor's own, stopped by {@link #close()}
     */
    TerminalMonitor(List<? extends Terminal> terminals, PaymentService payments, TerminalMonitorSettings settings,
            Clock clock, Timer timer) {
        for (Terminal terminal : terminals) {
            if (this.terminals.putIfAbsent(terminal.id(), terminal) != null) {
                throw new IllegalArgumentException("terminal id '" + terminal.id() + "' is watched twice");
            }
            health.put(terminal.id(), TerminalHealth.unknown(terminal.id()));
        }
        this.payments = Objects.requireNonNull(payments, "payments");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    /** A monitor on the system clock with a timer thread of its own; call {@link #start()} to begin. */
    public static TerminalMonitor create(List<? extends Terminal> terminals, PaymentService payments,
            TerminalMonitorSettings settings) {
        HashedWheelTimer timer = new HashedWheelTimer(runnable -> {
            Thread thread = new Thread(runnable, "tillgate-health");
            thread.setDaemon(true);
            return thread;
        }, TIMER_TICK_MILLIS, TimeUnit.MILLISECONDS);
        return new TerminalMonitor(terminals, payments, settings, Clock.systemUTC(), timer);
    }

    /** Probes every terminal now, and again every interval until closed. */
    public void start() {
        scheduleRound(0);
    }

    /**
     * Watches a terminal a configuration reload added, probing it at once.
     *
     * @throws IllegalArgumentException when a terminal with its id is already watched
     */
    public void watch(Terminal terminal) {
        synchronized (lock) {
            if (terminals.putIfAbsent(terminal.id(), terminal) != null) {
                throw new IllegalArgumentException("terminal id '" + terminal.id() + "' is watched twice");
            }
            health.put(terminal.id(), TerminalHealth.unknown(terminal.id()));
            if (nextRound == null || closed) {
                // Not started yet: the first round probes it.
                return;
            }
        }
        probe(terminal);
    }

    /** Stops watching a terminal a configuration reload removed; a probe under way is given up. */
    public void forget(String terminalId) {
        CompletableFuture<Void> underWay;
        synchronized (lock) {
            terminals.remove(terminalId);
            health.remove(terminalId);
            underWay = probing.remove(terminalId);
        }
        if (underWay != null) {
            underWay.cancel(false);
        }
    }

    /** Every terminal's health, in configuration order. */
    public List<TerminalHealth> all() {
        synchronized (lock) {
            return List.copyOf(health.values());
        }
    }

    /** The terminal's health, or empty when no such terminal is watched. */
    public Optional<TerminalHealth> health(String terminalId) {
        synchronized (lock) {
            return Optional.ofNullable(health.get(terminalId));
        }
    }

    /** {@code listener} is told of every change of a terminal's reachability from now on. */
    public void subscribe(TerminalHealthListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void unsubscribe(TerminalHealthListener listener) {
        listeners.remove(listener);
    }

    /**
     * Probes the terminal now, or joins the probe under way, for operators and tests. Completes with
     * its health afterwards; at once, unchanged, when it runs a transaction, which no probe disturbs.
     * Fails with an {@link IllegalArgumentException} when no such terminal is watched.
     */
    public CompletableFuture<TerminalHealth> checkNow(String terminalId) {
        Terminal terminal;
        synchronized (lock) {
            terminal = terminals.get(terminalId);
        }
        if (terminal == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no terminal '"
                    + PeerText.clip(terminalId) + "' is watched"));
        }
        return probe(terminal).copy();
    }

    /**
     * A transaction ended with the terminal's own answer (its outcome carries the protocol's result
     * codes, which only a terminal's answer has): the terminal was there.
     */
    @Override
    public void changed(TransactionRecord transaction) {
        TransactionOutcome outcome = transaction.outcome();
        if (outcome == null || outcome.rawResultCodes().isEmpty()) {
            return;
        }
        update(transaction.terminalId(), before -> before.answered(transaction.updatedAt(), false));
    }

    /** Stops probing; probes under way are given up without a verdict. */
    @Override
    public void close() {
        List<CompletableFuture<Void>> underWay;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (nextRound != null) {
                nextRound.cancel();
            }
            underWay = new ArrayList<>(probing.values());
        }
        underWay.forEach(probe -> probe.cancel(false));
        timer.stop();
    }

    private void scheduleRound(long delayMillis) {
        synchronized (lock) {
            if (!closed) {
                nextRound = timer.newTimeout(timeout -> round(), delayMillis, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void round() {
        scheduleRound(settings.interval().toMillis());
        List<Terminal> watched;
        synchronized (lock) {
            watched = List.copyOf(terminals.values());
        }
        watched.forEach(this::probe);
    }

    /** The verdict of the terminal's probe: a new one, the one under way, or none during a transaction. */
    private CompletableFuture<TerminalHealth> probe(Terminal terminal) {
        String id = terminal.id();
        if (payments.runningTransaction(id).isPresent()) {
            return CompletableFuture.completedFuture(health(id).orElseGet(() -> TerminalHealth.unknown(id)));
        }
        CompletableFuture<TerminalHealth> verdict = new CompletableFuture<>();
        synchronized (lock) {
            if (closed || !health.containsKey(id)) {
                return CompletableFuture.completedFuture(health.getOrDefault(id, TerminalHealth.unknown(id)));
            }
            CompletableFuture<TerminalHealth> underWay = verdicts.get(id);
            if (underWay != null) {
                return underWay;
            }
            verdicts.put(id, verdict);
        }
        CompletableFuture<Void> probe = start(terminal);
        Timeout deadline = null;
        synchronized (lock) {
            probing.put(id, probe);
            if (!closed) {
                deadline = timer.newTimeout(timeout -> probe.completeExceptionally(new TerminalProbeException(id,
                        TerminalProbeException.Failure.NO_ANSWER, "no answer within "
                                + settings.timeout().toMillis() + " ms")),
                        settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        if (deadline == null) {
            probe.cancel(false);
        }
        Timeout armed = deadline;
        probe.whenComplete((ignored, failure) -> {
            if (armed != null) {
                armed.cancel();
            }
            TerminalHealth after = verdict(id, failure);
            synchronized (lock) {
                verdicts.remove(id);
                probing.remove(id);
            }
            verdict.complete(after);
        });
        return verdict;
    }

    private static CompletableFuture<Void> start(Terminal terminal) {
        try {
            return terminal.probe();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private TerminalHealth verdict(String id, Throwable failure) {
        Instant now = clock.instant();
        if (failure == null) {
            return update(id, before -> before.answered(now, true));
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        boolean gaveWay = cause instanceof TerminalProbeException probe
                && probe.failure() == TerminalProbeException.Failure.BUSY;
        synchronized (lock) {
            if (gaveWay || closed || !health.containsKey(id)) {
                // A transaction started, the gateway is stopping or the terminal was removed: no verdict.
                return health.getOrDefault(id, TerminalHealth.unknown(id));
            }
        }
        String reason = CardDataMasker.mask(cause instanceof TerminalProbeException ? cause.getMessage()
                : "terminal " + id + " probe failed: " + cause);
        LOG.debug("{}", reason);
        return update(id, before -> before.failed(now, reason));
    }

    private TerminalHealth update(String id, UnaryOperator<TerminalHealth> change) {
        TerminalHealth before;
        TerminalHealth after;
        synchronized (lock) {
            before = health.get(id);
            if (before == null) {
                // Not watched (any more): an outcome or a probe's verdict came after a reload removed it.
                return TerminalHealth.unknown(id);
            }
            after = change.apply(before);
            health.put(id, after);
        }
        if (before.reachability() != after.reachability()) {
            reachabilityChanged(before, after);
        }
        return after;
    }

    private void reachabilityChanged(TerminalHealth before, TerminalHealth after) {
        if (after.reachability() == Reachability.OFFLINE) {
            long every = settings.interval().toMillis();
            LOG.warn("{}. Terminal {} is OFFLINE: payments on it fail until it answers again. Check that it is "
                    + "switched on, on the network and at the configured address and port; it is probed every {}",
                    after.lastFailure(), after.terminalId(), every % 1000 == 0 ? every / 1000 + " s" : every + " ms");
        } else if (before.reachability() == Reachability.OFFLINE) {
            LOG.info("terminal {} answers again: ONLINE", after.terminalId());
        } else {
            LOG.debug("terminal {} is {}", after.terminalId(), after.reachability());
        }
        for (TerminalHealthListener listener : listeners) {
            try {
                listener.reachabilityChanged(before, after);
            } catch (RuntimeException e) {
                LOG.warn("terminal health listener {} failed on terminal {}", listener, after.terminalId(), e);
            }
        }
    }
}
