package io.tillgate.app.cli;

import io.tillgate.app.Gateway;
import io.tillgate.app.config.GatewaySettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a gateway in the foreground and keeps it running until SIGTERM or Ctrl-C, then stops it
 * gracefully: new transactions are refused at once, running ones get up to the drain time to
 * finish, then the listeners and the journal close. A second signal stops at once. SIGHUP reloads
 * the configuration file ({@link ReloadSignal}); the optional pid file tells {@code tillgate reload}
 * whom to send it to.
 */
final class RunningGateway {

    /** The gateway could not start (a port taken, the journal unreachable). */
    static final int START_FAILED = 3;

    private static final Logger LOG = LoggerFactory.getLogger(RunningGateway.class);

    private RunningGateway() {
    }

    /**
     * @param config the file {@code settings} came from, read again on SIGHUP; {@code null} for the embedded default
     * @param pidFile where to write the process id while the gateway runs, or {@code null}
     */
    static int runUntilStopped(GatewaySettings settings, Path config, Path pidFile, PrintWriter err) {
        // Taken over before the start, so a signal during start-up stops the gateway once it stands
        // rather than ending the JVM with the journal open.
        StopSignals signals = StopSignals.install(settings.drainTime());
        ReloadSignal reload = ReloadSignal.install(config, () -> signals.first().isDone());
        Gateway gateway;
        try {
            if (pidFile != null) {
                PidFile.write(pidFile);
            }
            gateway = Gateway.start(settings);
            reload.reloads(gateway);
        } catch (RuntimeException e) {
            reload.close();
            signals.close();
            if (pidFile != null) {
                PidFile.delete(pidFile);
            }
            if (!(e instanceof IllegalStateException)) {
                throw e;
            }
            err.println("tillgate: " + e.getMessage());
            err.flush();
            return START_FAILED;
        }
        try {
            String signal = signals.first().join();
            LOG.info("{}: stopping gracefully; send it again to stop at once", signal);
            CompletableFuture<Void> drained = gateway.drain();
            CompletableFuture.anyOf(drained, signals.second().thenAccept(again ->
                    LOG.info("{} again: stopping at once", again))).join();
        } finally {
            reload.close();
            gateway.close();
            if (pidFile != null) {
                PidFile.delete(pidFile);
            }
            signals.close();
        }
        return 0;
    }
}
