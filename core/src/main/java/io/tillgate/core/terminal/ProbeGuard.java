package io.tillgate.core.terminal;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One exchange at a time between a driver and its terminal, for the health probe: a probe is
 * refused while a transaction runs, and a transaction that starts makes a running probe give way
 * (the probe fails {@link TerminalProbeException.Failure#BUSY} and its connection is dropped), so
 * a payment never waits for a health check. Thread-safe.
 */
public final class ProbeGuard {

    private final String terminalId;
    private final Object lock = new Object();
    /**
     * Transactions whose outcome is not out yet: one, normally; two when the gateway gave up on one
     * (its timeout) and started the next while the driver still waits for the first.
     */
    private int transactions;
    private CompletableFuture<Void> probe;

    public ProbeGuard(String terminalId) {
        this.terminalId = Objects.requireNonNull(terminalId, "terminalId");
    }

    /**
     * Runs {@code exchange}, the driver's probe, unless a transaction runs; joins a probe already
     * under way. The returned future may be completed by the caller (its own timeout): the exchange
     * is then cancelled, which tells the driver to drop its connection.
     *
     * @param exchange starts the probe without blocking; fails with a {@link TerminalProbeException}
     */
    public CompletableFuture<Void> probe(Supplier<CompletableFuture<Void>> exchange) {
        CompletableFuture<Void> started = new CompletableFuture<>();
        synchronized (lock) {
            if (transactions > 0) {
                return CompletableFuture.failedFuture(new TerminalProbeException(terminalId,
                        TerminalProbeException.Failure.BUSY, "the probe waits until it is over"));
            }
            if (probe != null) {
                return probe;
            }
            probe = started;
        }
        started.whenComplete((v, failure) -> {
            synchronized (lock) {
                if (probe == started) {
                    probe = null;
                }
            }
        });
        CompletableFuture<Void> exchanged;
        try {
            exchanged = exchange.get();
        } catch (RuntimeException e) {
            started.completeExceptionally(e);
            return started;
        }
        exchanged.whenComplete((v, failure) -> {
            if (failure == null) {
                started.complete(null);
            } else {
                started.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
        });
        started.whenComplete((v, failure) -> exchanged.cancel(false));
        return started;
    }

    /**
     * A transaction starts: from now on probes are refused, and a running one gives way. Returns
     * the listener the driver reports the transaction to, which ends the transaction for this guard
     * when the outcome goes out.
     */
    public TerminalListener transactionStarting(TerminalListener listener) {
        Objects.requireNonNull(listener, "listener");
        CompletableFuture<Void> running;
        synchronized (lock) {
            transactions++;
            running = probe;
        }
        if (running != null) {
            running.completeExceptionally(new TerminalProbeException(terminalId,
                    TerminalProbeException.Failure.BUSY, "a transaction started; the probe gave way"));
        }
        // Frees the terminal for probes once the outcome is out; only once, whatever the driver does.
        AtomicBoolean ended = new AtomicBoolean();
        return TerminalListener.beforeOutcome(listener, () -> {
            if (ended.compareAndSet(false, true)) {
                synchronized (lock) {
                    transactions--;
                }
            }
        });
    }
}
