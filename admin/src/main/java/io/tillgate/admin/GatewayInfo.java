package io.tillgate.admin;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What the console needs to know about the gateway it runs beside.
 *
 * @param version the build's version
 * @param startedAt when the gateway started
 * @param p3WebSocket the P3 WebSocket listener ({@code ws://host:port/p3}) the test payment panel pays
 *     through, or {@code null} when P3 is off; its host is replaced by the one the browser used
 * @param merchants the configured merchant ids (not their secrets)
 */
public record GatewayInfo(String version, Instant startedAt, URI p3WebSocket, List<String> merchants) {

    public GatewayInfo {
        merchants = List.copyOf(merchants);
    }
}
