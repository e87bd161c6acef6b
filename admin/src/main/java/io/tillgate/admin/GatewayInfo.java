package io.tillgate.admin;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the console needs to know about the gateway it runs beside.
 *
 * @param version the build's version
 * @param startedAt when the gateway started
 * @param p3WebSocket the P3 WebSocket listener ({@code ws://host:port/p3}) the test payment panel pays
 *     through, or {@code null} when P3 is off; its host is replaced by the one the browser used
 * @param configuration the configuration running now, which a reload changes
 */
public record GatewayInfo(String version, Instant startedAt, URI p3WebSocket, Supplier<Configuration> configuration) {

    /**
     * @param generation 1 as started, one more per applied reload
     * @param loadedAt when it was loaded: at start or by the last applied reload
     * @param merchants the configured merchant ids (not their secrets)
     */
    public record Configuration(long generation, Instant loadedAt, List<String> merchants) {

        public Configuration {
            Objects.requireNonNull(loadedAt, "loadedAt");
            merchants = List.copyOf(merchants);
        }
    }

    public GatewayInfo {
        Objects.requireNonNull(configuration, "configuration");
    }

    /** A gateway whose configuration never changes: generation 1, loaded when it started. */
    public GatewayInfo(String version, Instant startedAt, URI p3WebSocket, List<String> merchants) {
        this(version, startedAt, p3WebSocket, constant(new Configuration(1, startedAt, merchants)));
    }

    private static Supplier<Configuration> constant(Configuration configuration) {
        return () -> configuration;
    }
}
