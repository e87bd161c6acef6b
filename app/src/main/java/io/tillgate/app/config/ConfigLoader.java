package io.tillgate.app.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tillgate.core.merchant.Merchant;
import io.tillgate.core.receipt.MerchantDetails;
import io.tillgate.core.simulated.SimulatedTiming;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
            return resolve(read(in, "embedded default configuration"));
        } catch (IOException e) {
            throw new ConfigException("cannot read the embedded default configuration", e);
        }
    }

    public static GatewaySettings load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return resolve(read(in, file.toString()));
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
            throw new ConfigException(path(e), "unknown key (known here: " + e.getKnownPropertyIds() + ")");
        } catch (JsonMappingException e) {
            throw new ConfigException(path(e), e.getOriginalMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException(source + " is not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    static GatewaySettings resolve(GatewayConfig config) {
        GatewayConfig.Gateway g = config.gateway() != null ? config.gateway()
                : new GatewayConfig.Gateway(null, null, null, null, null, null);
        String host = orDefault(g.host(), "localhost");
        Map<String, String> information = g.information() == null ? Map.of() : new LinkedHashMap<>(g.information());
        Duration timeout = duration("gateway.transactionTimeout", g.transactionTimeout(), "3m");
        Duration window = duration("gateway.idempotencyWindow", g.idempotencyWindow(), "24h");
        int receiptWidth = g.receiptWidth() == null ? 40 : g.receiptWidth();
        if (receiptWidth < 20 || receiptWidth > 200) {
            throw new ConfigException("gateway.receiptWidth", "must be between 20 and 200, was " + receiptWidth);
        }
        ZoneId zone = zone(g.timeZone());

        GatewaySettings.JournalSpec journal = journal(config.journal());
        GatewaySettings.P3Settings p3 = p3(config.p3());
        List<GatewaySettings.TerminalSpec> terminals = terminals(config.terminals());
        Set<String> terminalIds = terminals.stream().map(GatewaySettings.TerminalSpec::id).collect(Collectors.toSet());
        List<Merchant> merchants = merchants(config.merchants(), terminalIds);
        return new GatewaySettings(host, Collections.unmodifiableMap(information), timeout, window,
                receiptWidth, zone, journal, p3, merchants, terminals);
    }

    private static GatewaySettings.JournalSpec journal(GatewayConfig.Journal journal) {
        String url = journal == null ? null : journal.url();
        url = orDefault(url, DEFAULT_JOURNAL_URL);
        if (!url.equals(GatewaySettings.JournalSpec.MEMORY) && !url.startsWith("jdbc:sqlite:")
                && !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("journal.url", "'" + url + "' is not a journal (expected jdbc:sqlite:FILE, "
                    + "jdbc:postgresql://HOST:PORT/DATABASE or memory)");
        }
        return new GatewaySettings.JournalSpec(url, journal == null ? null : journal.user(),
                journal == null ? null : journal.password());
    }

    private static GatewaySettings.P3Settings p3(GatewayConfig.P3 p3) {
        if (p3 != null && Boolean.FALSE.equals(p3.enabled())) {
            return null;
        }
        GatewayConfig.P3 c = p3 != null ? p3 : new GatewayConfig.P3(null, null, null, null, null);
        int maxFrame = c.maxFrameBytes() == null ? 1 << 20 : c.maxFrameBytes();
        if (maxFrame < 1024) {
            throw new ConfigException("p3.maxFrameBytes", "must be at least 1024, was " + maxFrame);
        }
        return new GatewaySettings.P3Settings(port("p3.websocketPort", c.websocketPort(), 8080),
                port("p3.tcpPort", c.tcpPort(), 8081), maxFrame,
                duration("p3.idleTimeout", c.idleTimeout(), "10m"));
    }

    private static List<GatewaySettings.TerminalSpec> terminals(List<GatewayConfig.TerminalEntry> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new ConfigException("terminals", "at least one terminal must be configured");
        }
        List<GatewaySettings.TerminalSpec> specs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            GatewayConfig.TerminalEntry t = entries.get(i);
            String key = "terminals[" + i + "]";
            String id = identifier(key + ".id", t.id());
            if (!seen.add(id)) {
                throw new ConfigException(key + ".id", "terminal '" + id + "' is defined twice");
            }
            String type = orDefault(t.type(), "simulated");
            if (!type.equals("simulated")) {
                throw new ConfigException(key + ".type", "unknown terminal type '" + type + "' (supported: simulated)");
            }
            SimulatedTiming timing = timing(key + ".speed", orDefault(t.speed(), "realistic"));
            specs.add(new GatewaySettings.TerminalSpec(id, orDefault(t.name(), id), timing,
                    Boolean.TRUE.equals(t.partialApproval())));
        }
        return List.copyOf(specs);
    }

    /** {@code realistic}, {@code fast}, or a duration every step takes ({@code 20ms}). */
    private static SimulatedTiming timing(String key, String speed) {
        if (Character.isDigit(speed.charAt(0))) {
            return SimulatedTiming.everyStep(DurationText.parse(key, speed));
        }
        try {
            return SimulatedTiming.named(speed);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, e.getMessage());
        }
    }

    private static List<Merchant> merchants(List<GatewayConfig.MerchantEntry> entries, Set<String> terminalIds) {
        if (entries == null || entries.isEmpty()) {
            throw new ConfigException("merchants", "at least one merchant must be configured");
        }
        List<Merchant> merchants = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            GatewayConfig.MerchantEntry m = entries.get(i);
            String key = "merchants[" + i + "]";
            String id = identifier(key + ".id", m.id());
            if (!seen.add(id)) {
                throw new ConfigException(key + ".id", "merchant '" + id + "' is defined twice");
            }
            if (m.secret() == null || m.secret().length() < 8) {
                throw new ConfigException(key + ".secret", "a merchant secret of at least 8 characters is required");
            }
            List<String> terminals = m.terminals() == null ? List.of() : m.terminals();
            for (int j = 0; j < terminals.size(); j++) {
                if (!terminalIds.contains(terminals.get(j))) {
                    throw new ConfigException(key + ".terminals[" + j + "]",
                            "terminal '" + terminals.get(j) + "' is not defined under 'terminals'");
                }
            }
            merchants.add(new Merchant(id, m.secret(),
                    new MerchantDetails(orDefault(m.name(), id), m.address(), m.zip(), m.city(), m.country()),
                    terminals));
        }
        return List.copyOf(merchants);
    }

    private static String identifier(String key, String value) {
        if (value == null || !value.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new ConfigException(key, value == null ? "is required"
                    : "'" + value + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    private static int port(String key, Integer value, int fallback) {
        int port = value == null ? fallback : value;
        if (port < 0 || port > 65535) {
            throw new ConfigException(key, "must be a TCP port 0-65535, was " + port);
        }
        return port;
    }

    private static Duration duration(String key, String value, String fallback) {
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

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
