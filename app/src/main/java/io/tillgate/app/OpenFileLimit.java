package io.tillgate.app;

import io.tillgate.transport.Listener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's open-file limit against what its listeners may hold: every connection is an open
 * file, so a limit below the listeners' {@code maxConnections} makes the gateway refuse connections
 * with "Too many open files" long before its own limits would.
 *
 * <p>Java cannot raise the limit itself, but HotSpot on Linux raises the soft limit to the hard
 * limit as it starts ({@code -XX:+MaxFDLimit}, the default), and the start scripts run
 * {@code ulimit -n} with the hard limit as well. This reads what the process ended up with from
 * {@code /proc/self/limits}, logs it, and warns when it is too low.
 *
 * @param soft the limit in force
 * @param hard the most the soft limit could be raised to without privileges
 */
record OpenFileLimit(long soft, long hard) {

    private static final Logger LOG = LoggerFactory.getLogger(OpenFileLimit.class);
    private static final Path LIMITS = Path.of("/proc/self/limits");
    private static final String ROW = "Max open files";
    /** Files the gateway holds besides connections: jars, the journal, selectors, terminal and relay sockets. */
    static final int RESERVE = 256;

    /** The limits from {@code /proc/self/limits}; empty where there is no such file (not Linux) or it is unreadable. */
    static Optional<OpenFileLimit> ofThisProcess() {
        try {
            return parse(Files.readAllLines(LIMITS));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** Reads the {@code Max open files} row; {@code unlimited} is {@link Long#MAX_VALUE}. */
    static Optional<OpenFileLimit> parse(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith(ROW)) {
                String[] fields = line.substring(ROW.length()).trim().split("\\s+");
                if (fields.length >= 2) {
                    try {
                        return Optional.of(new OpenFileLimit(value(fields[0]), value(fields[1])));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static long value(String field) {
        return field.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(field);
    }

    /** Open files the listeners may need at their connection limits, plus {@link #RESERVE}. */
    static long needed(List<Listener> listeners) {
        return listeners.stream().mapToLong(Listener::maxConnections).sum() + RESERVE;
    }

    /** What to tell the operator, or empty when the limit is enough. */
    Optional<String> shortfall(long needed) {
        if (soft >= needed) {
            return Optional.empty();
        }
        String raise = soft < hard
                ? " It is below the hard limit (" + text(hard) + "): the JVM did not raise it (was it started with "
                        + "-XX:-MaxFDLimit?); run 'ulimit -n " + text(hard) + "' before starting."
                : " Raise the hard limit (LimitNOFILE= in the systemd unit, /etc/security/limits.conf, or "
                        + "'ulimit -Hn' as root), or lower gateway.limits.maxConnections.";
        return Optional.of("The open-file limit is " + text(soft) + ", but the listeners may hold " + (needed - RESERVE)
                + " connections (gateway.limits.maxConnections on each listener) and the gateway needs about "
                + RESERVE + " files more: connections beyond the limit fail with 'Too many open files'." + raise);
    }

    /** Logs the limit at start-up, and a warning when the listeners could exceed it. */
    static void report(List<Listener> listeners) {
        Optional<OpenFileLimit> limit = ofThisProcess();
        if (limit.isEmpty()) {
            LOG.debug("open-file limit unknown ({} unreadable)", LIMITS);
            return;
        }
        long needed = needed(listeners);
        LOG.info("Open-file limit {} (hard {}); listeners may need {}", text(limit.get().soft),
                text(limit.get().hard), needed);
        limit.get().shortfall(needed).ifPresent(LOG::warn);
    }

    private static String text(long value) {
        return value == Long.MAX_VALUE ? "unlimited" : Long.toString(value);
    }
}
