package io.tillgate.transport.internal;

import io.tillgate.transport.ConnectionLimits;
import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts one listener's open connections, in all and per source address, and refuses one over
 * either limit. Acquired when a connection is accepted, released when it closes.
 */
public final class ConnectionGate {

    private final ConnectionLimits limits;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    public ConnectionGate(ConnectionLimits limits) {
        this.limits = limits;
    }

    /** Takes a place for a connection from {@code source}; {@code null} if admitted, else why not. */
    public String acquire(InetAddress source) {
        if (open.incrementAndGet() > limits.maxConnections()) {
            open.decrementAndGet();
            return "the listener holds its maximum of " + limits.maxConnections() + " connections";
        }
        AtomicInteger fromSource = perAddress.computeIfAbsent(source, address -> new AtomicInteger());
        if (fromSource.incrementAndGet() > limits.maxConnectionsPerAddress()) {
            release(source);
            return source.getHostAddress() + " holds its maximum of " + limits.maxConnectionsPerAddress()
                    + " connections";
        }
        return null;
    }

    public void release(InetAddress source) {
        open.decrementAndGet();
        perAddress.computeIfPresent(source, (address, count) -> count.decrementAndGet() == 0 ? null : count);
    }
}
