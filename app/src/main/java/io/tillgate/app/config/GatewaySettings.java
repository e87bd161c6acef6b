package io.tillgate.app.config;

import io.tillgate.core.merchant.Merchant;
import io.tillgate.core.simulated.SimulatedTiming;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The validated configuration with every default filled in; what {@code Gateway} is built from.
 *
 * @param host the address every front-end binds
 * @param information what LOGIN_MERCHANT_RESPONSE reports about this server
 * @param transactionTimeout how long a terminal may take before the outcome is UNKNOWN
 * @param idempotencyWindow how long a POS reference keeps naming one transaction
 * @param receiptWidth the printable receipt line length
 * @param zone the shop's time zone for receipts
 * @param journal where transactions are recorded
 * @param p3 the P3 front-end, or {@code null} when disabled
 * @param merchants who may log in
 * @param terminals the terminals, in configuration order
 */
public record GatewaySettings(
        String host,
        Map<String, String> information,
        Duration transactionTimeout,
        Duration idempotencyWindow,
        int receiptWidth,
        ZoneId zone,
        JournalSpec journal,
        P3Settings p3,
        List<Merchant> merchants,
        List<TerminalSpec> terminals) {

    /**
     * @param url {@code jdbc:sqlite:FILE}, {@code jdbc:postgresql://…}, or {@code memory} (forgets
     *     everything on restart; for tests and benchmarks only)
     * @param user database user, or {@code null}
     * @param password database password, or {@code null}; never logged
     */
    public record JournalSpec(String url, String user, String password) {

        public static final String MEMORY = "memory";

        public boolean inMemory() {
            return MEMORY.equals(url);
        }

        @Override
        public String toString() {
            return "JournalSpec[url=" + url + ", user=" + user + "]";
        }
    }

    /**
     * @param websocketPort WebSocket port ({@code /} and {@code /p3})
     * @param tcpPort framed TCP port
     * @param maxFrameBytes the largest accepted message
     * @param idleTimeout a connection with no traffic for this long is closed
     */
    public record P3Settings(int websocketPort, int tcpPort, int maxFrameBytes, Duration idleTimeout) {
    }

    /**
     * @param id the terminal id, {@code devices/<id>} in P3
     * @param name the display name
     * @param timing the simulated flow's speed
     * @param partialApproval whether cents 97 approves half
     */
    public record TerminalSpec(String id, String name, SimulatedTiming timing, boolean partialApproval) {
    }

    /** The same settings with every port moved (0 = any free port), for tests and benchmarks. */
    public GatewaySettings withP3Ports(int websocketPort, int tcpPort) {
        return new GatewaySettings(host, information, transactionTimeout, idempotencyWindow, receiptWidth, zone,
                journal, new P3Settings(websocketPort, tcpPort, p3.maxFrameBytes(), p3.idleTimeout()), merchants,
                terminals);
    }

    /** The same settings with every simulated terminal at {@code timing}. */
    public GatewaySettings withTiming(SimulatedTiming timing) {
        return new GatewaySettings(host, information, transactionTimeout, idempotencyWindow, receiptWidth, zone,
                journal, p3, merchants, terminals.stream()
                        .map(t -> new TerminalSpec(t.id(), t.name(), timing, t.partialApproval())).toList());
    }

    public GatewaySettings withTransactionTimeout(Duration timeout) {
        return new GatewaySettings(host, information, timeout, idempotencyWindow, receiptWidth, zone, journal, p3,
                merchants, terminals);
    }

    /** The same settings recording transactions in {@code spec}. */
    public GatewaySettings withJournal(JournalSpec spec) {
        return new GatewaySettings(host, information, transactionTimeout, idempotencyWindow, receiptWidth, zone, spec,
                p3, merchants, terminals);
    }
}
