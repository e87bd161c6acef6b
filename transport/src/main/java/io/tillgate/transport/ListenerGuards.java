package io.tillgate.transport;

import java.util.Objects;

/**
 * What guards a front-end's listener besides its protocol, as configured: TLS where the protocol can
 * carry it, the connection limits, and the source addresses allowed.
 *
 * @param tls TLS, or {@code null} for plaintext
 * @param limits connection counts and the first-request deadline
 * @param allowed the source addresses accepted, or {@code null} for any
 */
public record ListenerGuards(ServerTls tls, ConnectionLimits limits, AddressAllowList allowed) {

    public ListenerGuards {
        Objects.requireNonNull(limits, "limits");
    }

    /** Plaintext, the default limits, any address. */
    public static ListenerGuards defaults() {
        return new ListenerGuards(null, ConnectionLimits.defaults(), null);
    }

    /** A listener of {@code protocol} guarded by these. */
    public ListenerSpec listener(String name, String host, int port, ProtocolPipeline protocol) {
        return new ListenerSpec(name, host, port, tls, limits, allowed, protocol);
    }
}
