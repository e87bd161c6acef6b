package io.tillgate.app.cli;

import java.time.Duration;

/**
 * Routes Ctrl-C (SIGINT) to a running command instead of ending the JVM, so a payment can be
 * aborted or waited for, and puts the previous handling back on {@link #close()}.
 *
 * <p>Through {@link PosixSignals}; on a JVM that offers no signal handling a shutdown hook reports
 * the Ctrl-C instead and gives the command a few seconds to finish (send the abort, print where it
 * stands) before the JVM exits.
 */
final class CtrlC implements AutoCloseable {

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final Runnable restore;

    private CtrlC(Runnable restore) {
        this.restore = restore;
    }

    /** Calls {@code onInterrupt} (on a JVM thread) for every Ctrl-C until closed. */
    static CtrlC install(Runnable onInterrupt) {
        try {
            return new CtrlC(PosixSignals.handle("INT", onInterrupt));
        } catch (ReflectiveOperationException | RuntimeException unavailable) {
            return new CtrlC(PosixSignals.hookShutdown("tillgate-ctrl-c", onInterrupt, SHUTDOWN_GRACE));
        }
    }

    @Override
    public void close() {
        restore.run();
    }
}
