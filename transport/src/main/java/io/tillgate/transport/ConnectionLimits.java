package io.tillgate.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * What one listener allows: how many connections at once, how many of them from one source
 * address, and how long a new connection may take to deliver its first complete request — TLS
 * handshake included. The deadline is absolute: bytes that trickle in do not extend it, so a
 * client sending one byte a second is closed on time.
 *
 * @param maxConnections connections open at once on the listener; one more is refused at accept
 * @param maxConnectionsPerAddress connections open at once from one source IP address
 * @param firstRequestDeadline from accept to the first whole request (P3 message or WebSocket
 *     upgrade, Concert or IPP request, HTTP request)
 */
public record ConnectionLimits(int maxConnections, int maxConnectionsPerAddress, Duration firstRequestDeadline) {

    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 1_000;
    public static final Duration DEFAULT_FIRST_REQUEST_DEADLINE = Duration.ofSeconds(10);

    public ConnectionLimits {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
        if (maxConnectionsPerAddress < 1 || maxConnectionsPerAddress > maxConnections) {
            throw new IllegalArgumentException("maxConnectionsPerAddress must be between 1 and maxConnections ("
                    + maxConnections + "), was " + maxConnectionsPerAddress);
        }
        Objects.requireNonNull(firstRequestDeadline, "firstRequestDeadline");
        if (firstRequestDeadline.isNegative() || firstRequestDeadline.isZero()) {
            throw new IllegalArgumentException("firstRequestDeadline must be positive, was " + firstRequestDeadline);
        }
    }

    public static ConnectionLimits defaults() {
        return new ConnectionLimits(DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
                DEFAULT_FIRST_REQUEST_DEADLINE);
    }
}
