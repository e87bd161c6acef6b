package io.tillgate.app.cli;

import io.tillgate.app.Gateway;
import io.tillgate.app.config.GatewaySettings;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/** Starts a gateway in the foreground and keeps it running until SIGINT or SIGTERM. */
final class RunningGateway {

    /** The gateway could not start (a port taken, the journal unreachable). */
    static final int START_FAILED = 3;

    private RunningGateway() {
    }

    static int runUntilStopped(GatewaySettings settings, PrintWriter err) throws InterruptedException {
        Gateway gateway;
        try {
            gateway = Gateway.start(settings);
        } catch (IllegalStateException e) {
            err.println("tillgate: " + e.getMessage());
            err.flush();
            return START_FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "tillgate-shutdown"));
        stopped.await();
        return 0;
    }
}
