package io.tillgate.p3.client;

import io.tillgate.tls.ClientTls;
import java.time.Duration;
import java.util.List;

/**
 * The validated options of a {@link PayClient}, as its builder collected them: at least one
 * endpoint, in the order they are tried; {@code tls} is set exactly when one of them is
 * {@code wss://} or {@code tls://}.
 */
record ClientSettings(
        List<P3Endpoint> endpoints,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxFrameBytes,
        ReconnectPolicy reconnectPolicy,
        Duration recoveryTimeout,
        Duration recoveryPollInterval,
        PayClientListener listener,
        ClientTls tls,
        CallbackExecutor callbacks) {

    ClientSettings {
        endpoints = List.copyOf(endpoints);
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("a PayClient needs at least one gateway URI");
        }
    }
}
