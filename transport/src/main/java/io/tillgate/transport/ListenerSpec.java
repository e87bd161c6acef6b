package io.tillgate.transport;

import java.util.Objects;

/**
 * One listener: where it binds, what guards its connections and what protocol they speak.
 *
 * @param name how logs and errors name it ({@code "P3 WebSocket"}, {@code "Concert front-end sim-1"})
 * @param host the address to bind
 * @param port the port; {@code 0} picks a free one
 * @param tls TLS for every connection, or {@code null} for plaintext
 * @param limits connection counts and the first-request deadline
 * @param allowed the source addresses accepted, or {@code null} for any
 * @param protocol the protocol's handlers
 */
public record ListenerSpec(String name, String host, int port, ServerTls tls, ConnectionLimits limits,
        AddressAllowList allowed, ProtocolPipeline protocol) {

    public ListenerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Ports.require(name + " port", port);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(protocol, "protocol");
    }

    /** A plaintext listener with the default limits, open to any address. */
    public static ListenerSpec of(String name, String host, int port, ProtocolPipeline protocol) {
        return new ListenerSpec(name, host, port, null, ConnectionLimits.defaults(), null, protocol);
    }

    public ListenerSpec withTls(ServerTls serverTls) {
        return new ListenerSpec(name, host, port, serverTls, limits, allowed, protocol);
    }

    public ListenerSpec withLimits(ConnectionLimits connectionLimits) {
        return new ListenerSpec(name, host, port, tls, connectionLimits, allowed, protocol);
    }

    public ListenerSpec withAllowed(AddressAllowList allowList) {
        return new ListenerSpec(name, host, port, tls, limits, allowList, protocol);
    }
}
