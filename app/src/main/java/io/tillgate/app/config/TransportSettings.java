package io.tillgate.app.config;

import io.tillgate.transport.AddressAllowList;
import io.tillgate.transport.ConnectionLimits;
import io.tillgate.transport.ListenerGuards;
import io.tillgate.transport.ServerTls;
import java.util.Objects;
import java.util.Set;

/**
 * How the gateway's listeners are guarded: TLS on those whose protocol carries it (P3 WebSocket and
 * TCP, nexo front-ends, the nexo POS listener), the connection limits of every listener, and the
 * origins a browser may open the P3 WebSocket from.
 *
 * @param tls the listeners' TLS, or {@code null} for plaintext
 * @param tlsDescription where the certificate came from, for the start-up log; {@code null} without TLS
 * @param limits what every listener allows
 * @param p3AllowedOrigins the browser origins the P3 WebSocket accepts; empty for any
 */
public record TransportSettings(ServerTls tls, String tlsDescription, ConnectionLimits limits,
        Set<String> p3AllowedOrigins) {

    public TransportSettings {
        Objects.requireNonNull(limits, "limits");
        p3AllowedOrigins = Set.copyOf(p3AllowedOrigins);
    }

    /** Plaintext, the default limits, any origin: the embedded default on loopback. */
    public static TransportSettings plaintext() {
        return new TransportSettings(null, null, ConnectionLimits.defaults(), Set.of());
    }

    /** The guards of a listener whose protocol carries TLS. */
    public ListenerGuards tlsCapable(AddressAllowList allowed) {
        return new ListenerGuards(tls, limits, allowed);
    }

    /** The guards of a Concert or IPP listener, which has no TLS. */
    public ListenerGuards plaintextOnly(AddressAllowList allowed) {
        return new ListenerGuards(null, limits, allowed);
    }
}
