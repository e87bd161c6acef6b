package io.tillgate.app;

import io.tillgate.app.config.GatewaySettings.FrontEndSpec;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One protocol front-end of a running gateway, whatever its protocol: how it is started and stopped,
 * and where it listens once started.
 */
final class FrontEnd implements AutoCloseable {

    private final FrontEndSpec spec;
    private final Supplier<InetSocketAddress> starter;
    private final AutoCloseable server;
    private volatile InetSocketAddress address;

    FrontEnd(FrontEndSpec spec, Supplier<InetSocketAddress> starter, AutoCloseable server) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.starter = Objects.requireNonNull(starter, "starter");
        this.server = Objects.requireNonNull(server, "server");
    }

    FrontEndSpec spec() {
        return spec;
    }

    void start() {
        address = starter.get();
    }

    /** The bound address, or {@code null} before {@link #start()}. */
    InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the " + spec.protocol().configName() + " front-end failed", e);
        }
    }
}
