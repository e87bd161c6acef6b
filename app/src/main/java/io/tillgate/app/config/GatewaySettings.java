package io.tillgate.app.config;

import io.tillgate.admin.auth.Account;
import io.tillgate.admin.auth.ApiToken;
import io.tillgate.concert.driver.ConcertTerminalConfig;
import io.tillgate.core.health.TerminalMonitorSettings;
import io.tillgate.core.merchant.Merchant;
import io.tillgate.core.simulated.SimulatedTiming;
import io.tillgate.ipp.driver.IppTerminalConfig;
import io.tillgate.journal.JdbcUrlRedactor;
import io.tillgate.nexo.driver.NexoPosListenerConfig;
import io.tillgate.nexo.driver.NexoTerminalConfig;
import io.tillgate.p3.node.ClusterSecret;
import io.tillgate.p3.server.LoginThrottleSettings;
import io.tillgate.transport.AddressAllowList;
import io.tillgate.tls.ClientTls;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The validated configuration with every default filled in; what {@code Gateway} is built from.
 *
 * @param host the address every front-end binds
 * @param information what LOGIN_MERCHANT_RESPONSE reports about this server
 * @param transactionTimeout how long a terminal may take before the outcome is UNKNOWN
 * @param idempotencyWindow how long a resent request names its transaction, and the POS reference rules look back
 *     (docs/protocols/identity.md)
 * @param receiptWidth the printable receipt line length
 * @param zone the shop's time zone for receipts
 * @param journal where transactions are recorded
 * @param p3 the P3 front-end, or {@code null} when disabled
 * @param merchants who may log in
 * @param terminals the terminals, in configuration order
 * @param frontEnds the protocol front-ends besides P3, each in front of one terminal
 * @param transport TLS, connection limits and WebSocket origins of the listeners
 * @param admin the operator's listener, or {@code null} when disabled
 * @param metrics whether the gateway keeps metrics
 * @param health how each terminal's health is probed
 * @param drainTime how long a graceful stop lets running transactions finish; zero stops at once
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
        List<TerminalSpec> terminals,
        List<FrontEndSpec> frontEnds,
        TransportSettings transport,
        AdminSpec admin,
        MetricsSettings metrics,
        TerminalMonitorSettings health,
        Duration drainTime) {

    /** How long a graceful stop waits for running transactions unless configured. */
    public static final Duration DEFAULT_DRAIN_TIME = Duration.ofSeconds(30);

    public GatewaySettings {
        merchants = List.copyOf(merchants);
        terminals = List.copyOf(terminals);
        frontEnds = List.copyOf(frontEnds);
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(drainTime, "drainTime");
        if (drainTime.isNegative()) {
            throw new IllegalArgumentException("drainTime must not be negative, was " + drainTime);
        }
    }

    /**
     * @param enabled whether the gateway counts transactions, connections, journal commits and logins and
     *     keeps JVM metrics, for Prometheus; when not, nothing is registered or counted
     */
    public record MetricsSettings(boolean enabled) {

        public static final MetricsSettings ENABLED = new MetricsSettings(true);
        public static final MetricsSettings DISABLED = new MetricsSettings(false);
    }

    /**
     * The admin listener: on {@code gateway.host}, guarded as the P3 listener (TLS when configured).
     *
     * @param port its port, 0 for any free one
     * @param accounts operators who sign in with a password
     * @param tokens programs that send a bearer token
     * @param sessionIdleTimeout how long a console session lasts without a request
     * @param lockout how long an account is locked after too many wrong passwords
     */
    public record AdminSpec(int port, List<Account> accounts, List<ApiToken> tokens, Duration sessionIdleTimeout,
            Duration lockout) {

        public AdminSpec {
            accounts = List.copyOf(accounts);
            tokens = List.copyOf(tokens);
        }
    }

    /** The same settings with the admin listener, if any, on {@code port} (0 = any free port). */
    public GatewaySettings withAdminPort(int port) {
        return admin == null ? this : withAdmin(new AdminSpec(port, admin.accounts(), admin.tokens(),
                admin.sessionIdleTimeout(), admin.lockout()));
    }

    /** The same settings with this admin listener, or none ({@code null}). */
    public GatewaySettings withAdmin(AdminSpec spec) {
        return new GatewaySettings(host, information, transactionTimeout, idempotencyWindow, receiptWidth, zone,
                journal, p3, merchants, terminals, frontEnds, transport, spec, metrics, health, drainTime);
    }

    /**
     * @param url {@code jdbc:sqlite:FILE}, {@code jdbc:postgresql://…}, or {@code memory} (forgets
     *     everything on restart; for tests and benchmarks only)
     * @param user database user, or {@code null}
     * @param password database password, or {@code null}; never logged
     */
    public record JournalSpec(String url, String user, String password, ClusterSpec cluster) {

        public static final String MEMORY = "memory";

        /** A journal of a single gateway. */
        public JournalSpec(String url, String user, String password) {
            this(url, user, password, null);
        }

        public boolean inMemory() {
            return MEMORY.equals(url);
        }

        /** The URL with its secrets hidden: the only form a log line or a message may show. */
        public String redactedUrl() {
            return JdbcUrlRedactor.redact(url);
        }

        @Override
        public String toString() {
            return "JournalSpec[url=" + redactedUrl() + ", user=" + user + "]";
        }
    }

    /**
     * This gateway as a node of a cluster on a PostgreSQL journal (docs/cluster.md).
     *
     * @param nodeId the configured node id, or {@code null} to use the one kept in {@code nodeIdFile}
     * @param nodeIdFile where a generated node id is kept across restarts
     * @param address where other nodes and operators reach this node ({@code host:port}), or {@code null}
     * @param leaseTime how long a terminal lease lasts without renewal
     * @param secret what the nodes log in to each other with to forward requests, or {@code null}:
     *     then requests for another node's terminals are refused instead
     * @param linkTls how the links to the other nodes check their certificates (and present this
     *     node's) when the P3 listeners use TLS; {@code null} for the system's CAs
     */
    public record ClusterSpec(String nodeId, Path nodeIdFile, String address, Duration leaseTime,
            ClusterSecret secret, ClientTls linkTls) {
    }

    /**
     * @param websocketPort WebSocket port ({@code /} and {@code /p3})
     * @param tcpPort framed TCP port
     * @param maxFrameBytes the largest accepted message
     * @param idleTimeout a connection with no traffic for this long is closed
     * @param loginThrottle how failed logins are delayed and locked out
     */
    public record P3Settings(int websocketPort, int tcpPort, int maxFrameBytes, Duration idleTimeout,
            LoginThrottleSettings loginThrottle) {

        public P3Settings {
            Objects.requireNonNull(loginThrottle, "loginThrottle");
        }

        /** With the default login throttling. */
        public P3Settings(int websocketPort, int tcpPort, int maxFrameBytes, Duration idleTimeout) {
            this(websocketPort, tcpPort, maxFrameBytes, idleTimeout, LoginThrottleSettings.defaults());
        }
    }

    /** A terminal the gateway drives, by kind. */
    public sealed interface TerminalSpec
            permits SimulatedTerminalSpec, ConcertTerminalSpec, IppTerminalSpec, NexoTerminalSpec {

        /** The terminal id, {@code devices/<id>} in P3. */
        String id();

        /** The display name. */
        String name();

        /** How the gateway speaks to it, as the configuration's {@code type}: simulated, concert, ipp or nexo. */
        String type();
    }

    /**
     * The built-in simulated card flow.
     *
     * @param timing the simulated flow's speed
     * @param partialApproval whether cents 97 approves half
     */
    public record SimulatedTerminalSpec(String id, String name, SimulatedTiming timing, boolean partialApproval)
            implements TerminalSpec {
        @Override
        public String type() {
            return "simulated";
        }
    }

    /** A Concert / Caisse-AP terminal, one TCP connection per request. */
    public record ConcertTerminalSpec(String name, ConcertTerminalConfig config) implements TerminalSpec {
        @Override
        public String type() {
            return Protocol.CONCERT.configName();
        }

        @Override
        public String id() {
            return config.id();
        }
    }

    /** A myPOS terminal spoken to in IPP. */
    public record IppTerminalSpec(String name, IppTerminalConfig config) implements TerminalSpec {
        @Override
        public String type() {
            return Protocol.IPP.configName();
        }

        @Override
        public String id() {
            return config.id();
        }
    }

    /**
     * A nexo Retailer terminal over HTTP.
     *
     * @param listener where it posts display, print and input requests in full integration; {@code
     *     null} in light integration
     */
    public record NexoTerminalSpec(String name, NexoTerminalConfig config, NexoPosListenerConfig listener)
            implements TerminalSpec {
        @Override
        public String type() {
            return Protocol.NEXO.configName();
        }

        @Override
        public String id() {
            return config.id();
        }
    }

    /**
     * A protocol front-end: the gateway acting as a terminal of that protocol, in front of one of its
     * own terminals. A terminal emulator is a front-end in front of a simulated terminal; a bridge is
     * one in front of another protocol's terminal.
     *
     * @param protocol the protocol POS software speaks to it
     * @param port the port it listens on (0 = any free port)
     * @param terminalId the terminal its transactions run on
     * @param merchantId the merchant its transactions are recorded for
     * @param ippSlave IPP only: whether the emulated terminal asks the POS to relay its host traffic
     * @param nexoPosListener nexo only: where the emulated terminal posts display, print and input
     *     requests (full integration), or {@code null} for light integration
     * @param concertQuietInterval Concert only: the silence that ends a request, or {@code null} for
     *     the front-end's default (50 ms)
     * @param concertQuietIntervalOnly Concert only: every request waits for the quiet interval, even one
     *     that arrived whole with every tag its action requires (off: such a request is answered at once)
     * @param allowed the source addresses it accepts connections from, or {@code null} for any
     * @param nexoPosListenerTrust nexo only: whom to trust at an {@code https} POS listener, or
     *     {@code null} for the system's CAs
     */
    public record FrontEndSpec(Protocol protocol, int port, String terminalId, String merchantId, boolean ippSlave,
            URI nexoPosListener, Duration concertQuietInterval, boolean concertQuietIntervalOnly,
            AddressAllowList allowed,
            ClientTls nexoPosListenerTrust) {

        public FrontEndSpec {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(terminalId, "terminalId");
            Objects.requireNonNull(merchantId, "merchantId");
        }
    }

    /**
     * These node-level settings with the merchants, terminals and front-ends of {@code next}: what a
     * configuration reload applies, the rest waiting for a restart ({@link ConfigChanges#needsRestart()}).
     */
    public GatewaySettings withInventoryOf(GatewaySettings next) {
        return new GatewaySettings(host, information, transactionTimeout, idempotencyWindow, receiptWidth, zone,
                journal, p3, next.merchants(), next.terminals(), next.frontEnds(), transport, admin, metrics, health,
                drainTime);
    }

    /** The same settings with these front-ends. */
    public GatewaySettings withFrontEnds(List<FrontEndSpec> entries) {
        return new GatewaySettings(host, information, transactionTimeout, idempotencyWindow, receiptWidth, zone,
                journal, p3, merchants, terminals, entries, transport, admin, metrics, health, drainTime);
    }

    /** The same settings with every port moved (0 = any free port), for tests and benchmarks. */
    public GatewaySettings withP3Ports(int websocketPort, int tcpPort) {
        return new GatewaySettings(host, information, transactionTimeout, idempotencyWindow, receiptWidth, zone,
                journal, new P3Settings(websocketPort, tcpPort, p3.maxFrameBytes(), p3.idleTimeout(),
                        p3.loginThrottle()), merchants, terminals, frontEnds, transport, admin, metrics, health,
                drainTime);
    }

    /** The same settings with every Concert front-end ending a request after {@code quietInterval} of silence. */
    public GatewaySettings withConcertQuietInterval(Duration quietInterval) {
        return new GatewaySettings(host, information, transactionTimeout, idempotencyWindow, receiptWidth, zone,
                journal, p3, merchants, terminals, frontEnds.stream()
                        .map(f -> f.protocol() != Protocol.CONCERT ? f : new FrontEndSpec(f.protocol(), f.port(),
                                f.terminalId(), f.merchantId(), f.ippSlave(), f.nexoPosListener(), quietInterval,
                                f.concertQuietIntervalOnly(), f.allowed(), f.nexoPosListenerTrust()))
                        .toList(), transport, admin, metrics, health, drainTime);
    }

    /** The same settings with every Concert front-end waiting for the quiet interval or not (see FrontEndSpec). */
    public GatewaySettings withConcertQuietIntervalOnly(boolean quietIntervalOnly) {
        return new GatewaySettings(host, information, transactionTimeout, idempotencyWindow, receiptWidth, zone,
                journal, p3, merchants, terminals, frontEnds.stream()
                        .map(f -> f.protocol() != Protocol.CONCERT ? f : new FrontEndSpec(f.protocol(), f.port(),
                                f.terminalId(), f.merchantId(), f.ippSlave(), f.nexoPosListener(),
                                f.concertQuietInterval(), quietIntervalOnly, f.allowed(), f.nexoPosListenerTrust()))
                        .toList(), transport, admin, metrics, health, drainTime);
    }

    /** The same settings with every simulated terminal at {@code timing}. */
    public GatewaySettings withTiming(SimulatedTiming timing) {
        return new GatewaySettings(host, information, transactionTimeout, idempotencyWindow, receiptWidth, zone,
                journal, p3, merchants, terminals.stream()
                        .map(t -> t instanceof SimulatedTerminalSpec s
                                ? new SimulatedTerminalSpec(s.id(), s.name(), timing, s.partialApproval()) : t)
                        .toList(), frontEnds, transport, admin, metrics, health, drainTime);
    }

    public GatewaySettings withTransactionTimeout(Duration timeout) {
        return new GatewaySettings(host, information, timeout, idempotencyWindow, receiptWidth, zone, journal, p3,
                merchants, terminals, frontEnds, transport, admin, metrics, health, drainTime);
    }

    /** The same settings recording transactions in {@code spec}. */
    public GatewaySettings withJournal(JournalSpec spec) {
        return new GatewaySettings(host, information, transactionTimeout, idempotencyWindow, receiptWidth, zone, spec,
                p3, merchants, terminals, frontEnds, transport, admin, metrics, health, drainTime);
    }

    /** The same settings keeping metrics, or not, as {@code settings} say. */
    public GatewaySettings withMetrics(MetricsSettings settings) {
        return new GatewaySettings(host, information, transactionTimeout, idempotencyWindow, receiptWidth, zone,
                journal, p3, merchants, terminals, frontEnds, transport, admin, settings, health, drainTime);
    }

    /** The same settings probing terminals as {@code settings} says. */
    public GatewaySettings withHealth(TerminalMonitorSettings settings) {
        return new GatewaySettings(host, information, transactionTimeout, idempotencyWindow, receiptWidth, zone,
                journal, p3, merchants, terminals, frontEnds, transport, admin, metrics, settings, drainTime);
    }

    /** The same settings letting running transactions finish for {@code time} when stopping. */
    public GatewaySettings withDrainTime(Duration time) {
        return new GatewaySettings(host, information, transactionTimeout, idempotencyWindow, receiptWidth, zone,
                journal, p3, merchants, terminals, frontEnds, transport, admin, metrics, health, time);
    }

    /** The same settings with the listeners guarded by {@code settings}. */
    public GatewaySettings withTransport(TransportSettings settings) {
        return new GatewaySettings(host, information, transactionTimeout, idempotencyWindow, receiptWidth, zone,
                journal, p3, merchants, terminals, frontEnds, settings, admin, metrics, health, drainTime);
    }
}
