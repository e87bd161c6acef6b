package io.tillgate.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tillgate.transport.ServerTransport;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open connections of each listener of the gateway's transport, read when scraped. A listener bound
 * after the gateway started (an admin listener) gets its gauge at the next scrape; one closed reads
 * zero.
 */
final class ConnectionMetrics {

    static final String OPEN = "tillgate.connections.open";

    private final MeterRegistry registry;
    private final ServerTransport transport;
    private final Set<String> listeners = ConcurrentHashMap.newKeySet();

    ConnectionMetrics(MeterRegistry registry, ServerTransport transport) {
        this.registry = registry;
        this.transport = transport;
        addNewListeners();
    }

    /** Registers a gauge for each listener that has none yet. */
    void addNewListeners() {
        for (String listener : transport.openConnections().keySet()) {
            if (listeners.add(listener)) {
                Gauge.builder(OPEN, () -> transport.openConnections().getOrDefault(listener, 0))
                        .tag("listener", listener).description("Connections a listener holds open")
                        .register(registry);
            }
        }
    }
}
