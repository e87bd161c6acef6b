package io.tillgate.app.cli;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * SIGTERM and Ctrl-C (SIGINT) for a running gateway: the first asks for a graceful stop, a second
 * one to stop at once. On a JVM that offers no signal handling (see {@link PosixSignals}) a
 * shutdown hook asks for the graceful stop instead and holds the JVM until the gateway is closed,
 * for at most the drain time and a grace.
 */
final class StopSignals implements AutoCloseable {

    /** What closing the gateway may take after the drain, in the shutdown-hook fallback. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    private final CompletableFuture<String> first = new CompletableFuture<>();
    private final CompletableFuture<String> second = new CompletableFuture<>();
    private Runnable restore = () -> { };

    private StopSignals() {
    }

    /** Takes SIGINT and SIGTERM over until closed. */
    static StopSignals install(Duration drainTime) {
        StopSignals signals = new StopSignals();
        Runnable interrupt = null;
        try {
            interrupt = PosixSignals.handle("INT", () -> signals.received("SIGINT"));
            Runnable terminate = PosixSignals.handle("TERM", () -> signals.received("SIGTERM"));
            Runnable restoreInterrupt = interrupt;
            signals.restore = () -> {
                terminate.run();
                restoreInterrupt.run();
            };
        } catch (ReflectiveOperationException | RuntimeException unavailable) {
            if (interrupt != null) {
                interrupt.run();
            }
            signals.restore = PosixSignals.hookShutdown("tillgate-stop", () -> signals.received("shutdown"),
                    drainTime.plus(CLOSE_GRACE));
        }
        return signals;
    }

    /** Completes with the name of the first stop signal. */
    CompletableFuture<String> first() {
        return first;
    }

    /** Completes with the name of the second: stop at once. */
    CompletableFuture<String> second() {
        return second;
    }

    private void received(String signal) {
        if (!first.complete(signal)) {
            second.complete(signal);
        }
    }

    /** Gives the signals back to the JVM; in the fallback, lets the JVM end. */
    @Override
    public void close() {
        restore.run();
    }
}
