package io.tillgate.app.config;

import io.tillgate.transport.AddressAllowList;
import io.tillgate.tls.ClientTls;
import io.tillgate.transport.ConnectionLimits;
import io.tillgate.transport.ServerTls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code tls}, {@code gateway.limits}, {@code p3.allowedOrigins}, allow-lists and trusted
 * certificates, naming the key of a problem.
 */
final class TransportConfig {

    private TransportConfig() {
    }

    static TransportSettings settings(GatewayConfig.Limits limits, GatewayConfig.Tls tls, GatewayConfig.P3 p3) {
        return new TransportSettings(serverTls(tls), tls == null ? null : "certificate " + tls.certificate(),
                limits(limits), origins(p3 == null ? null : p3.allowedOrigins()));
    }

    private static ConnectionLimits limits(GatewayConfig.Limits limits) {
        ConnectionLimits defaults = ConnectionLimits.defaults();
        if (limits == null) {
            return defaults;
        }
        int max = positive("gateway.limits.maxConnections", limits.maxConnections(), defaults.maxConnections());
        int perAddress = positive("gateway.limits.maxConnectionsPerAddress", limits.maxConnectionsPerAddress(),
                Math.min(defaults.maxConnectionsPerAddress(), max));
        if (perAddress > max) {
            throw new ConfigException("gateway.limits.maxConnectionsPerAddress", "must not exceed maxConnections ("
                    + max + "), was " + perAddress);
        }
        Duration deadline = limits.firstRequestDeadline() == null ? defaults.firstRequestDeadline()
                : ConfigLoader.duration("gateway.limits.firstRequestDeadline", limits.firstRequestDeadline(), null);
        return new ConnectionLimits(max, perAddress, deadline);
    }

    private static ServerTls serverTls(GatewayConfig.Tls tls) {
        if (tls == null) {
            return null;
        }
        Path certificate = file("tls.certificate", tls.certificate());
        Path key = file("tls.key", tls.key());
        Path clientCa = tls.clientCa() == null ? null : file("tls.clientCa", tls.clientCa());
        try {
            return ServerTls.fromPem(certificate, key, clientCa);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("tls", e.getMessage());
        }
    }

    /** A PEM file; relative paths are taken from the working directory. */
    static Path file(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(key, "is required");
        }
        return Path.of(value);
    }

    private static Set<String> origins(List<String> origins) {
        if (origins == null) {
            return Set.of();
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (int i = 0; i < origins.size(); i++) {
            String origin = origins.get(i);
            if (origin == null || !origin.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+")) {
                throw new ConfigException("p3.allowedOrigins[" + i + "]", "must be an origin such as "
                        + "https://pos.example.com or http://localhost:3000 (scheme, host, optional port; no path)");
            }
            allowed.add(origin);
        }
        return allowed;
    }

    /** An allow-list of IP addresses and subnets, or {@code null} when none is configured. */
    static AddressAllowList allowList(String key, List<String> entries) {
        if (entries == null) {
            return null;
        }
        try {
            return AddressAllowList.of(entries);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, e.getMessage());
        }
    }

    /** Trust in one PEM file (a CA, or a pinned certificate), or {@code null} when none is configured. */
    static ClientTls trust(String key, String file) {
        if (file == null) {
            return null;
        }
        try {
            return ClientTls.trusting(file(key, file));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, e.getMessage());
        }
    }

    /**
     * How a cluster node checks the other nodes' P3 certificates, and the certificate it presents when
     * their listeners require one; {@code null} when nothing is configured (then the system's CAs).
     */
    static ClientTls nodeLinkTls(GatewayConfig.Cluster cluster) {
        if (cluster.clientCertificate() == null && cluster.clientKey() == null) {
            return trust("journal.cluster.trust", cluster.trust());
        }
        try {
            return ClientTls.trusting(cluster.trust() == null ? null : Path.of(cluster.trust()),
                    file("journal.cluster.clientCertificate", cluster.clientCertificate()),
                    file("journal.cluster.clientKey", cluster.clientKey()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("journal.cluster.clientCertificate", e.getMessage());
        }
    }

    private static int positive(String key, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new ConfigException(key, "must be at least 1, was " + value);
        }
        return value;
    }
}
