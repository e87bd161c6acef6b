package io.tillgate.app.cli;

import io.tillgate.app.Gateway;
import io.tillgate.app.config.ConfigException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGHUP for a running gateway: reads the configuration file again and applies what may change at
 * runtime ({@link Gateway#reloadFrom}). The JVM would end on SIGHUP; this handler is installed before
 * the gateway starts, so a SIGHUP during start-up is logged and ignored rather than ending the process
 * with the journal open. Reloads run one at a time on a thread of their own, never on the JVM's signal
 * thread.
 */
final class ReloadSignal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningGateway.class);

    private final Path config;
    private final BooleanSupplier stopping;
    private final ExecutorService reloads = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tillgate-sighup");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Gateway gateway;
    private Runnable restore = () -> { };

    private ReloadSignal(Path config, BooleanSupplier stopping) {
        this.config = config;
        this.stopping = stopping;
    }

    /**
     * Takes SIGHUP over until closed; where this JVM cannot handle signals, says so once and leaves
     * SIGHUP to the JVM.
     *
     * @param config the file to read again, or {@code null} when the gateway runs the embedded default
     * @param stopping whether a graceful stop has begun, after which a reload is pointless
     */
    static ReloadSignal install(Path config, BooleanSupplier stopping) {
        ReloadSignal signal = new ReloadSignal(config, stopping);
        try {
            signal.restore = PosixSignals.handle("HUP", signal::received);
        } catch (ReflectiveOperationException | RuntimeException unavailable) {
            LOG.warn("this JVM cannot handle SIGHUP ({}); reload the configuration by restarting the gateway",
                    unavailable.getMessage());
        }
        return signal;
    }

    /** From now on a SIGHUP reloads {@code running}. */
    void reloads(Gateway running) {
        this.gateway = running;
    }

    private void received() {
        try {
            reloads.execute(this::reload);
        } catch (RejectedExecutionException closed) {
            // The gateway is closing.
        }
    }

    private void reload() {
        Gateway running = gateway;
        if (running == null) {
            LOG.warn("SIGHUP during start-up: ignored; send it again once the gateway is ready");
            return;
        }
        if (stopping.getAsBoolean()) {
            LOG.info("SIGHUP while stopping: ignored");
            return;
        }
        if (config == null) {
            LOG.warn("SIGHUP: the gateway runs the embedded default configuration (no --config), which cannot "
                    + "change; nothing to reload");
            return;
        }
        LOG.info("SIGHUP: reloading the configuration from {}", config);
        try {
            running.reloadFrom(config);
        } catch (ConfigException refused) {
            // Logged at ERROR with the file and the problem; the running configuration stays.
        } catch (RuntimeException e) {
            LOG.error("configuration reload from {} failed; the running configuration stays in force", config, e);
        }
    }

    /** Gives SIGHUP back to the JVM. */
    @Override
    public void close() {
        reloads.shutdownNow();
        restore.run();
    }
}
