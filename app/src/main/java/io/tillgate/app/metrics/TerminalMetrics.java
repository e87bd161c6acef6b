package io.tillgate.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether each configured terminal answered its last health check: 1 up, 0 down, NaN until the
 * first check. Only configured terminals have a gauge, so a caller cannot add series by mistake; a
 * configuration reload adds and removes gauges with its terminals.
 */
final class TerminalMetrics {

    static final String UP = "tillgate.terminal.up";

    private final MeterRegistry registry;
    private final Map<String, Reachability> terminals = new ConcurrentHashMap<>();

    TerminalMetrics(MeterRegistry registry, Collection<String> terminalIds) {
        this.registry = registry;
        configured(terminalIds);
    }

    /** Gauges for exactly these terminals: new ones start at NaN, removed ones disappear. */
    synchronized void configured(Collection<String> terminalIds) {
        Set<String> keep = Set.copyOf(terminalIds);
        for (String gone : Set.copyOf(terminals.keySet())) {
            if (!keep.contains(gone)) {
                terminals.remove(gone);
                registry.find(UP).tag("terminal", gone).meters().forEach(registry::remove);
            }
        }
        for (String id : terminalIds) {
            terminals.computeIfAbsent(id, added -> {
                Reachability reachability = new Reachability();
                Gauge.builder(UP, reachability, r -> r.value).strongReference(true).tag("terminal", added)
                        .description("1 when the terminal answered its last health check, 0 when not, NaN before "
                                + "the first")
                        .register(registry);
                return reachability;
            });
        }
    }

    /** @throws IllegalArgumentException when no terminal has {@code terminalId} */
    void reachable(String terminalId, boolean up) {
        Reachability reachability = terminals.get(terminalId);
        if (reachability == null) {
            throw new IllegalArgumentException("no terminal '" + terminalId + "' is configured");
        }
        reachability.value = up ? 1 : 0;
    }

    /** The last check's result; written by the health checks, read by scrapes. */
    private static final class Reachability {
        volatile double value = Double.NaN;
    }
}
