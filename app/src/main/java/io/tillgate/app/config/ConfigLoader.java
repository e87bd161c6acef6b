package io.tillgate.app.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tillgate.concert.frontend.ConcertFrontEndConfig;
import io.tillgate.core.health.TerminalMonitorSettings;
import io.tillgate.core.merchant.Merchant;
import io.tillgate.core.receipt.MerchantDetails;
import io.tillgate.core.simulated.SimulatedTiming;
import io.tillgate.journal.JdbcUrlRedactor;
import io.tillgate.journal.cluster.ClusterSettings;
import io.tillgate.p3.node.ClusterSecret;
import io.tillgate.p3.server.LoginThrottleSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the YAML configuration and validates it, naming the key of every problem. */
public final class ConfigLoader {

    /** The embedded default: merchant {@code demo}, two simulated terminals. */
    public static final String DEFAULT_RESOURCE = "/default-config.yaml";

    /** The embedded journal: SQLite under ./data/ of the working directory. */
    public static final String DEFAULT_JOURNAL_URL = "jdbc:sqlite:data/journal.db";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ConfigLoader() {
    }

    public static GatewaySettings loadDefault() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("embedded " + DEFAULT_RESOURCE + " is missing from the build");
            }
            return resolve(read(in, "embedded default configuration"), System::getenv);
        } catch (IOException e) {
            throw new ConfigException("cannot read the embedded default configuration", e);
        }
    }

    public static GatewaySettings load(Path file) {
        return load(file, System::getenv);
    }

    /**
     * Loads {@code file}, looking up the environment variables its secrets refer to ({@code
     * ${ENV_VAR}}, see {@link SecretReferences}) with {@code environment}, so tests need not set any.
     */
    public static GatewaySettings load(Path file, Function<String, String> environment) {
        try (InputStream in = Files.newInputStream(file)) {
            return resolve(read(in, file.toString()), environment);
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    private static GatewayConfig read(InputStream in, String source) throws IOException {
        try {
            GatewayConfig config = YAML.readValue(in, GatewayConfig.class);
            if (config == null) {
                throw new ConfigException(source + " is empty", (Throwable) null);
            }
            return config;
        } catch (UnrecognizedPropertyException e) {
            throw unknownKey(e);
        } catch (MismatchedInputException e) {
            // Jackson would quote the value, and it may be a secret in the wrong place.
            throw new ConfigException(path(e), "expected " + expected(e.getTargetType()) + at(e));
        } catch (JsonMappingException e) {
            throw new ConfigException(path(e), withoutExcerpts(e.getOriginalMessage()) + at(e));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // No cause: the parser's message quotes the lines around the error, secrets included.
            throw new ConfigException(source + " is not valid YAML" + at(e) + ": "
                    + withoutExcerpts(e.getOriginalMessage()), (Throwable) null);
        }
    }

    /**
     * The YAML parser's message without the document lines it quotes (indented, under an
     * {@code in 'reader', line …} line): the problem statements only, which never hold a value.
     */
    private static String withoutExcerpts(String message) {
        return message.lines().filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining("; "));
    }

    private static String at(com.fasterxml.jackson.core.JsonProcessingException e) {
        var location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /**
     * An unknown key is named when it looks like one (a mistyped key). Anything else is a value that
     * a lost space or line break joined to a key, and may be a secret, so only its section is named.
     */
    private static ConfigException unknownKey(UnrecognizedPropertyException e) {
        String parent = path(e).replaceFirst("\\.?[^.\\[]*$", "");
        String name = String.valueOf(e.getPropertyName());
        String known = " (known here: " + e.getKnownPropertyIds() + ")";
        if (name.matches("[A-Za-z][A-Za-z0-9_]{0,39}")) {
            return new ConfigException(parent.isEmpty() ? name : parent + "." + name, "unknown key" + known);
        }
        return new ConfigException(parent.isEmpty() ? "(top level)" : parent,
                "holds a key that is not one: a missing space after a colon, or a missing line break?" + known);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a single value";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a mapping of keys to values";
    }

    static GatewaySettings resolve(GatewayConfig config, Function<String, String> environment) {
        SecretReferences secrets = new SecretReferences(environment);
        GatewayConfig.Gateway g = config.gateway() != null ? config.gateway()
                : new GatewayConfig.Gateway(null, null, null, null, null, null, null, null, null);
        String host = orDefault(g.host(), "localhost");
        Map<String, String> information = g.information() == null ? Map.of() : new LinkedHashMap<>(g.information());
        Duration timeout = duration("gateway.transactionTimeout", g.transactionTimeout(), "3m");
        Duration window = duration("gateway.idempotencyWindow", g.idempotencyWindow(), "24h");
        int receiptWidth = g.receiptWidth() == null ? 40 : g.receiptWidth();
        if (receiptWidth < 20 || receiptWidth > 200) {
            throw new ConfigException("gateway.receiptWidth", "must be between 20 and 200, was " + receiptWidth);
        }
        ZoneId zone = zone(g.timeZone());
        TerminalMonitorSettings health = health(g.health());
        Duration drainTime = drainTime(g.drainTime());

        GatewaySettings.JournalSpec journal = journal(config.journal(), secrets);
        GatewaySettings.P3Settings p3 = p3(config.p3());
        List<GatewaySettings.TerminalSpec> terminals = terminals(config.terminals(), config.nexoListener(), host);
        Set<String> terminalIds = terminals.stream().map(GatewaySettings.TerminalSpec::id).collect(Collectors.toSet());
        List<Merchant> merchants = merchants(config.merchants(), terminalIds, secrets);
        List<GatewaySettings.FrontEndSpec> frontEnds = frontEnds(config.frontEnds(), terminalIds, merchants, p3);
        MerchantSecretRules.requireDemoSecretOnLoopbackOnly(merchants,
                listeners(host, p3 != null || !frontEnds.isEmpty(), terminals, config.nexoListener()));
        Set<Integer> portsTaken = new HashSet<>();
        if (p3 != null) {
            portsTaken.add(p3.websocketPort());
            portsTaken.add(p3.tcpPort());
        }
        frontEnds.forEach(f -> portsTaken.add(f.port()));
        GatewaySettings.AdminSpec admin = AdminConfig.spec(config.admin(), host, secrets, portsTaken);
        return new GatewaySettings(host, Collections.unmodifiableMap(information), timeout, window,
                receiptWidth, zone, journal, p3, merchants, terminals, frontEnds,
                TransportConfig.settings(g.limits(), config.tls(), config.p3()), admin, metrics(config.metrics()),
                health, drainTime);
    }

    /** How often each terminal is probed, and how long it has to answer: less than the interval. */
    private static TerminalMonitorSettings health(GatewayConfig.Health health) {
        String intervalText = orDefault(health == null ? null : health.interval(), "30s");
        String timeoutText = orDefault(health == null ? null : health.timeout(), "5s");
        Duration interval = duration("gateway.health.interval", intervalText, null);
        Duration timeout = duration("gateway.health.timeout", timeoutText, null);
        if (timeout.compareTo(interval) >= 0) {
            throw new ConfigException("gateway.health.timeout", "must be shorter than gateway.health.interval ("
                    + intervalText + "), was " + timeoutText);
        }
        return new TerminalMonitorSettings(interval, timeout);
    }

    /** How long a graceful stop waits for running transactions; {@code 0} stops at once. */
    private static Duration drainTime(String value) {
        if (value == null || value.isBlank()) {
            return GatewaySettings.DEFAULT_DRAIN_TIME;
        }
        return value.strip().equals("0") ? Duration.ZERO : DurationText.parse("gateway.drainTime", value);
    }

    /** Every address the gateway will listen on, and the key that says so. */
    private static List<MerchantSecretRules.Listener> listeners(String host, boolean bindsHost,
            List<GatewaySettings.TerminalSpec> terminals, GatewayConfig.NexoListener nexoListener) {
        List<MerchantSecretRules.Listener> listeners = new ArrayList<>();
        if (bindsHost) {
            listeners.add(new MerchantSecretRules.Listener("gateway.host binds " + host + " (P3 and every front-end)",
                    host));
        }
        boolean nexoHostWritten = nexoListener != null && nexoListener.host() != null && !nexoListener.host().isBlank();
        terminals.stream().filter(t -> t instanceof GatewaySettings.NexoTerminalSpec n && n.listener() != null)
                .map(t -> ((GatewaySettings.NexoTerminalSpec) t).listener().bindHost()).distinct()
                .forEach(bindHost -> listeners.add(new MerchantSecretRules.Listener(nexoHostWritten
                        ? "nexoListener.host binds " + bindHost
                        : "nexoListener.host is not set, so the listener of full-integration nexo terminals "
                                + "binds gateway.host, " + bindHost, bindHost)));
        return listeners;
    }

    private static GatewaySettings.MetricsSettings metrics(GatewayConfig.Metrics metrics) {
        return metrics == null || metrics.enabled() == null || metrics.enabled()
                ? GatewaySettings.MetricsSettings.ENABLED : GatewaySettings.MetricsSettings.DISABLED;
    }

    private static GatewaySettings.JournalSpec journal(GatewayConfig.Journal journal, SecretReferences secrets) {
        String url = journal == null ? null : journal.url();
        url = orDefault(url, DEFAULT_JOURNAL_URL);
        if (!url.equals(GatewaySettings.JournalSpec.MEMORY) && !url.startsWith("jdbc:sqlite:")
                && !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("journal.url", "'" + JdbcUrlRedactor.redact(url)
                    + "' is not a journal (expected jdbc:sqlite:FILE, jdbc:postgresql://HOST:PORT/DATABASE or memory)");
        }
        return new GatewaySettings.JournalSpec(url, journal == null ? null : journal.user(),
                journal == null ? null : secrets.resolve("journal.password", journal.password()),
                journal == null || journal.cluster() == null ? null : cluster(journal.cluster(), url,
                        secrets.resolve("journal.cluster.secret", journal.cluster().secret())));
    }

    /** A cluster node: only on PostgreSQL, the one journal several gateways can share. */
    private static GatewaySettings.ClusterSpec cluster(GatewayConfig.Cluster cluster, String url, String secretValue) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("journal.cluster", "needs a PostgreSQL journal (journal.url: "
                    + "jdbc:postgresql://HOST:PORT/DATABASE), not " + JdbcUrlRedactor.redact(url)
                    + "; a SQLite journal belongs to one gateway");
        }
        String nodeId = cluster.nodeId() == null || cluster.nodeId().isBlank() ? null : cluster.nodeId().strip();
        if (nodeId != null && !ClusterSettings.NODE_ID.matcher(nodeId).matches()) {
            throw new ConfigException("journal.cluster.nodeId", "'" + nodeId
                    + "' must be 1 to 64 letters, digits, dots, dashes or underscores");
        }
        Duration lease = duration("journal.cluster.leaseTime", cluster.leaseTime(),
                ClusterSettings.DEFAULT_LEASE_TIME.toSeconds() + "s");
        if (lease.compareTo(ClusterSettings.MIN_LEASE_TIME) < 0 || lease.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new ConfigException("journal.cluster.leaseTime", "must be between "
                    + ClusterSettings.MIN_LEASE_TIME.toMillis() + "ms and 5m, was " + cluster.leaseTime());
        }
        String address = cluster.address() == null || cluster.address().isBlank() ? null : cluster.address().strip();
        Path nodeIdFile = Path.of(orDefault(cluster.nodeIdFile(), "data/node-id"));
        ClusterSecret secret = null;
        if (secretValue != null && !secretValue.isBlank()) {
            try {
                secret = ClusterSecret.of(secretValue.strip());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("journal.cluster.secret", e.getMessage());
            }
        }
        return new GatewaySettings.ClusterSpec(nodeId, nodeIdFile, address, lease, secret,
                TransportConfig.nodeLinkTls(cluster));
    }

    private static GatewaySettings.P3Settings p3(GatewayConfig.P3 p3) {
        if (p3 != null && Boolean.FALSE.equals(p3.enabled())) {
            return null;
        }
        GatewayConfig.P3 c = p3 != null ? p3 : new GatewayConfig.P3(null, null, null, null, null, null, null, null);
        int maxFrame = c.maxFrameBytes() == null ? 1 << 20 : c.maxFrameBytes();
        if (maxFrame < 1024) {
            throw new ConfigException("p3.maxFrameBytes", "must be at least 1024, was " + maxFrame);
        }
        return new GatewaySettings.P3Settings(port("p3.websocketPort", c.websocketPort(), 8080),
                port("p3.tcpPort", c.tcpPort(), 8081), maxFrame,
                duration("p3.idleTimeout", c.idleTimeout(), "10m"), loginThrottle(c));
    }

    /** PCI DSS 8.3.4: at most 10 failed logins, then a lock-out. */
    private static LoginThrottleSettings loginThrottle(GatewayConfig.P3 c) {
        LoginThrottleSettings defaults = LoginThrottleSettings.defaults();
        int failures = c.loginFailuresBeforeLockout() == null ? defaults.failuresBeforeLockout()
                : c.loginFailuresBeforeLockout();
        if (failures < 1 || failures > LoginThrottleSettings.MAX_FAILURES_BEFORE_LOCKOUT) {
            throw new ConfigException("p3.loginFailuresBeforeLockout", "must be between 1 and "
                    + LoginThrottleSettings.MAX_FAILURES_BEFORE_LOCKOUT + " (PCI DSS 8.3.4), was " + failures);
        }
        Duration lockout = c.loginLockout() == null ? defaults.lockout()
                : duration("p3.loginLockout", c.loginLockout(), null);
        return defaults.withLockout(failures, lockout);
    }

    private static List<GatewaySettings.TerminalSpec> terminals(List<GatewayConfig.TerminalEntry> entries,
            GatewayConfig.NexoListener nexoListener, String host) {
        if (entries == null || entries.isEmpty()) {
            throw new ConfigException("terminals", "at least one terminal must be configured");
        }
        List<GatewaySettings.TerminalSpec> specs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String key = "terminals[" + i + "]";
            GatewayConfig.TerminalEntry t = present(key, entries.get(i));
            String id = identifier(key + ".id", t.id());
            if (!seen.add(id)) {
                throw new ConfigException(key + ".id", "terminal '" + id + "' is defined twice");
            }
            String type = orDefault(t.type(), "simulated");
            String name = orDefault(t.name(), id);
            if (type.equals("simulated")) {
                specs.add(simulated(key, id, name, t));
                continue;
            }
            Protocol protocol;
            try {
                protocol = Protocol.fromConfigName(type);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key + ".type",
                        "unknown terminal type '" + type + "' (supported: simulated, " + Protocol.names() + ")");
            }
            specs.add(TerminalSpecs.remote(key, protocol, id, name, t, nexoListener, host));
        }
        return List.copyOf(specs);
    }

    private static GatewaySettings.TerminalSpec simulated(String key, String id, String name,
            GatewayConfig.TerminalEntry t) {
        for (var remoteOnly : new Object[][] {{"host", t.host()}, {"port", t.port()},
            {"connectTimeout", t.connectTimeout()}, {"concert", t.concert()}, {"ipp", t.ipp()}, {"nexo", t.nexo()}}) {
            if (remoteOnly[1] != null) {
                throw new ConfigException(key + "." + remoteOnly[0], "applies to concert, ipp and nexo terminals, "
                        + "not to a simulated one (set 'type')");
            }
        }
        SimulatedTiming timing = timing(key + ".speed", orDefault(t.speed(), "realistic"));
        return new GatewaySettings.SimulatedTerminalSpec(id, name, timing, Boolean.TRUE.equals(t.partialApproval()));
    }

    /** {@code realistic}, {@code fast}, or a duration every step takes ({@code 20ms}). */
    static SimulatedTiming timing(String key, String speed) {
        if (Character.isDigit(speed.charAt(0))) {
            return SimulatedTiming.everyStep(DurationText.parse(key, speed));
        }
        try {
            return SimulatedTiming.named(speed);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, e.getMessage());
        }
    }

    private static List<Merchant> merchants(List<GatewayConfig.MerchantEntry> entries, Set<String> terminalIds,
            SecretReferences secrets) {
        if (entries == null || entries.isEmpty()) {
            throw new ConfigException("merchants", "at least one merchant must be configured");
        }
        List<Merchant> merchants = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String key = "merchants[" + i + "]";
            GatewayConfig.MerchantEntry m = present(key, entries.get(i));
            String id = identifier(key + ".id", m.id());
            if (!seen.add(id)) {
                throw new ConfigException(key + ".id", "merchant '" + id + "' is defined twice");
            }
            String secret = MerchantSecretRules.requireLength(key + ".secret", secrets.resolve(key + ".secret",
                    m.secret()));
            List<String> terminals = m.terminals() == null ? List.of() : m.terminals();
            for (int j = 0; j < terminals.size(); j++) {
                if (!terminalIds.contains(terminals.get(j))) {
                    throw new ConfigException(key + ".terminals[" + j + "]",
                            "terminal '" + terminals.get(j) + "' is not defined under 'terminals'");
                }
            }
            merchants.add(new Merchant(id, secret,
                    new MerchantDetails(orDefault(m.name(), id), m.address(), m.zip(), m.city(), m.country()),
                    terminals));
        }
        return List.copyOf(merchants);
    }

    private static List<GatewaySettings.FrontEndSpec> frontEnds(List<GatewayConfig.FrontEndEntry> entries,
            Set<String> terminalIds, List<Merchant> merchants, GatewaySettings.P3Settings p3) {
        if (entries == null) {
            return List.of();
        }
        List<GatewaySettings.FrontEndSpec> specs = new ArrayList<>();
        Map<Integer, String> ports = new HashMap<>();
        if (p3 != null) {
            ports.put(p3.websocketPort(), "p3.websocketPort");
            ports.put(p3.tcpPort(), "p3.tcpPort");
        }
        for (int i = 0; i < entries.size(); i++) {
            String key = "frontEnds[" + i + "]";
            GatewayConfig.FrontEndEntry f = present(key, entries.get(i));
            if (f.protocol() == null) {
                throw new ConfigException(key + ".protocol", "is required (one of " + Protocol.names() + ")");
            }
            Protocol protocol;
            try {
                protocol = Protocol.fromConfigName(f.protocol());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key + ".protocol", e.getMessage());
            }
            int port = port(key + ".port", f.port(), protocol.defaultPort());
            String clash = port == 0 ? null : ports.putIfAbsent(port, key + ".port");
            if (clash != null) {
                throw new ConfigException(key + ".port", "port " + port + " is already taken by " + clash);
            }
            String terminal = identifier(key + ".terminal", f.terminal());
            if (!terminalIds.contains(terminal)) {
                throw new ConfigException(key + ".terminal", "terminal '" + terminal + "' is not defined under 'terminals'");
            }
            String merchant = frontEndMerchant(key, f.merchant(), terminal, merchants);
            if (f.slave() != null && protocol != Protocol.IPP) {
                throw new ConfigException(key + ".slave", "applies to ipp front-ends only");
            }
            if (f.posListener() != null && protocol != Protocol.NEXO) {
                throw new ConfigException(key + ".posListener", "applies to nexo front-ends only");
            }
            if (f.quietInterval() != null && protocol != Protocol.CONCERT) {
                throw new ConfigException(key + ".quietInterval", "applies to concert front-ends only");
            }
            if (f.quietIntervalOnly() != null && protocol != Protocol.CONCERT) {
                throw new ConfigException(key + ".quietIntervalOnly", "applies to concert front-ends only");
            }
            specs.add(new GatewaySettings.FrontEndSpec(protocol, port, terminal, merchant, Boolean.TRUE.equals(f.slave()),
                    f.posListener() == null ? null : httpUrl(key + ".posListener", f.posListener()),
                    f.quietInterval() == null ? null : quietInterval(key + ".quietInterval", f.quietInterval()),
                    Boolean.TRUE.equals(f.quietIntervalOnly()),
                    TransportConfig.allowList(key + ".allowedAddresses", f.allowedAddresses()),
                    TransportConfig.trust(key + ".posListenerTrust", f.posListenerTrust())));
        }
        return List.copyOf(specs);
    }

    /** The merchant named, which must own the terminal; by default the first merchant that owns it. */
    private static String frontEndMerchant(String key, String merchantId, String terminal, List<Merchant> merchants) {
        if (merchantId == null) {
            return merchants.stream().filter(m -> m.owns(terminal)).map(Merchant::id).findFirst()
                    .orElseThrow(() -> new ConfigException(key + ".terminal",
                            "terminal '" + terminal + "' belongs to no merchant; list it under a merchant's terminals"));
        }
        Merchant merchant = merchants.stream().filter(m -> m.id().equals(merchantId)).findFirst()
                .orElseThrow(() -> new ConfigException(key + ".merchant", "merchant '" + merchantId + "' is not defined"));
        if (!merchant.owns(terminal)) {
            throw new ConfigException(key + ".merchant",
                    "merchant '" + merchantId + "' does not have terminal '" + terminal + "'");
        }
        return merchantId;
    }

    static URI httpUrl(String key, String value) {
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigException(key, "'" + value + "' is not an http(s)://HOST:PORT/PATH URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(key, "'" + value + "' is not a URL: " + e.getReason());
        }
    }

    static String identifier(String key, String value) {
        if (value == null || !value.matches("[A-Za-z0-9._-]{1,64}")) {
            // The value is not repeated: a lost line break can have joined a secret to it.
            throw new ConfigException(key, value == null ? "is required"
                    : "must be 1-64 letters, digits, '.', '_' or '-' (it has " + value.length() + " characters)");
        }
        return value;
    }

    static int port(String key, Integer value, int fallback) {
        int port = value == null ? fallback : value;
        if (port < 0 || port > 65535) {
            throw new ConfigException(key, "must be a TCP port 0-65535, was " + port);
        }
        return port;
    }

    /** How long a Concert request must be followed by silence to be complete (docs/protocols/concert.md §10). */
    public static Duration quietInterval(String key, String value) {
        Duration d = duration(key, value, null);
        if (d.compareTo(ConcertFrontEndConfig.MAX_QUIET_INTERVAL) > 0) {
            throw new ConfigException(key, "must be at most " + ConcertFrontEndConfig.MAX_QUIET_INTERVAL.toMillis()
                    + " ms, was " + value);
        }
        return d;
    }

    static Duration duration(String key, String value, String fallback) {
        Duration d = DurationText.parse(key, orDefault(value, fallback));
        if (d.isZero()) {
            throw new ConfigException(key, "must be longer than zero");
        }
        return d;
    }

    private static ZoneId zone(String value) {
        if (value == null) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new ConfigException("gateway.timeZone", "'" + value + "' is not a time zone (e.g. Europe/Paris)");
        }
    }

    static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A list entry, which YAML leaves null when its line holds a dash and nothing else. */
    private static <T> T present(String key, T entry) {
        if (entry == null) {
            throw new ConfigException(key, "is empty");
        }
        return entry;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
