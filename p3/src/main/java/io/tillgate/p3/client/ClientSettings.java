package io.tillgate.p3.client;

import java.time.Duration;

/** The validated options of a {@link PayClient}, as its builder collected them. */
record ClientSettings(
        P3Endpoint endpoint,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxFrameBytes,
        ReconnectPolicy reconnectPolicy,
        Duration recoveryTimeout,
        Duration recoveryPollInterval,
        PayClientListener listener) {
}
