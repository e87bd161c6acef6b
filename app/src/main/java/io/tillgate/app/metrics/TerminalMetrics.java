package io.tillgate.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether each configured terminal answered its last health check: 1 up, 0 down, NaN until the
 * first check. Only configured terminals have a gauge, so a caller cannot add series by mistake.
 */
final class TerminalMetrics {

    static final String UP = "tillgate.terminal.up";

    private final Map<String, Reachability> terminals = new LinkedHashMap<>();

    TerminalMetrics(MeterRegistry registry, Collection<String> terminalIds) {
        for (String id : terminalIds) {
            Reachability reachability = new Reachability();
            terminals.put(id, reachability);
            Gauge.builder(UP, reachability, r -> r.value).strongReference(true).tag("terminal", id)
                    .description("1 when the terminal answered its last health check, 0 when not, NaN before the first")
                    .register(registry);
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
