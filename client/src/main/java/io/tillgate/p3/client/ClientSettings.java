package io.tillgate.p3.client;

import io.tillgate.tls.ClientTls;
import java.time.Duration;

/**
 * The validated options of a {@link PayClient}, as its builder collected them; {@code tls} is set
 * exactly when the endpoint is {@code wss://} or {@code tls://}.
 */
record ClientSettings(
        P3Endpoint endpoint,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxFrameBytes,
        ReconnectPolicy reconnectPolicy,
        Duration recoveryTimeout,
        Duration recoveryPollInterval,
        PayClientListener listener,
        ClientTls tls) {
}
