package io.tillgate.core.health;

import io.tillgate.core.settings.Require;
import java.time.Duration;

/**
 * How {@link TerminalMonitor} probes.
 *
 * @param interval how often each terminal is probed
 * @param timeout how long a probe may wait for the terminal's answer; shorter than the interval
 */
public record TerminalMonitorSettings(Duration interval, Duration timeout) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public TerminalMonitorSettings {
        Require.positive(interval, "interval");
        Require.positive(timeout, "timeout");
        if (timeout.compareTo(interval) >= 0) {
            throw new IllegalArgumentException("timeout must be shorter than interval, was " + timeout + " with "
                    + interval);
        }
    }

    public static TerminalMonitorSettings defaults() {
        return new TerminalMonitorSettings(DEFAULT_INTERVAL, DEFAULT_TIMEOUT);
    }
}
