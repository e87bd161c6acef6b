package io.tillgate.app.cli;

import io.tillgate.app.Gateway;
import io.tillgate.app.config.GatewaySettings;
import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a gateway in the foreground and keeps it running until SIGTERM or Ctrl-C, then stops it
 * gracefully: new transactions are refused at once, running ones get up to the drain time to
 * finish, then the listeners and the journal close. A second signal stops at once.
 */
final class RunningGateway {

    /** The gateway could not start (a port taken, the journal unreachable). */
    static final int START_FAILED = 3;

    private static final Logger LOG = LoggerFactory.getLogger(RunningGateway.class);

    private RunningGateway() {
    }

    static int runUntilStopped(GatewaySettings settings, PrintWriter err) {
        // Taken over before the start, so a signal during start-up stops the gateway once it stands
        // rather than ending the JVM with the journal open.
        StopSignals signals = StopSignals.install(settings.drainTime());
        Gateway gateway;
        try {
            gateway = Gateway.start(settings);
        } catch (RuntimeException e) {
            signals.close();
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
            gateway.close();
            signals.close();
        }
        return 0;
    }
}
