package io.tillgate.nexo.driver;

import io.tillgate.nexo.codec.NexoCodec;
import io.tillgate.nexo.netty.NexoHttp;
import io.tillgate.transport.Ports;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link NexoPosListener}.
 *
 * @param bindHost the interface to listen on (the terminal must reach it)
 * @param port the TCP port (11001 in Tillgate; 0 picks a free one)
 * @param maxBodyBytes the largest document accepted
 * @param idleTimeout a connection silent for this long is closed
 * @param inputTimeout how long an InputRequest waits for the POS's answer before it is declined
 */
public record NexoPosListenerConfig(String bindHost, int port, int maxBodyBytes, Duration idleTimeout,
        Duration inputTimeout) {

    public NexoPosListenerConfig {
        if (bindHost == null || bindHost.isBlank()) {
            throw new IllegalArgumentException("bindHost must not be empty");
        }
        Ports.require("port", port);
        if (maxBodyBytes < 1024 || maxBodyBytes > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be 1024..16777216, was " + maxBodyBytes);
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(inputTimeout, "inputTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
        }
        if (inputTimeout.isNegative() || inputTimeout.isZero()) {
            throw new IllegalArgumentException("inputTimeout must be positive, was " + inputTimeout);
        }
    }

    /**
     * Port 11001 on localhost (a real terminal is another host: bind the address it reaches, the
     * gateway's host in a configuration), 2 minutes to confirm a signature.
     */
    public static NexoPosListenerConfig defaults() {
        return new NexoPosListenerConfig("localhost", NexoHttp.DEFAULT_LISTENER_PORT, NexoCodec.DEFAULT_MAX_BYTES,
                Duration.ofMinutes(5), Duration.ofMinutes(2));
    }

    public NexoPosListenerConfig withBind(String host, int listenPort) {
        return new NexoPosListenerConfig(host, listenPort, maxBodyBytes, idleTimeout, inputTimeout);
    }

    public NexoPosListenerConfig withInputTimeout(Duration timeout) {
        return new NexoPosListenerConfig(bindHost, port, maxBodyBytes, idleTimeout, timeout);
    }
}
