package io.tillgate.p3.client;

import java.net.URI;
import java.time.Duration;

/**
 * Connection events of a {@link PayClient}, for status displays and logs. Methods run on the
 * client's callback executor, in order with the transactions' callbacks.
 */
public interface PayClientListener {

    /** A listener that ignores everything. */
    PayClientListener NONE = new PayClientListener() {
    };

    /** The transport to {@code endpoint} is open (after the WebSocket handshake for {@code ws://}). */
    default void onConnected(URI endpoint) {
    }

    /** The connection closed although the client did not close it. */
    default void onDisconnected(PayClientException cause) {
    }

    /** Reconnect attempt {@code attempt} starts after {@code delay}. */
    default void onReconnecting(int attempt, Duration delay) {
    }

    /** Connected again, and logged in again when the client had logged in before. */
    default void onReconnected() {
    }

    /** The client stopped reconnecting; what waited for the connection has failed. */
    default void onReconnectFailed(PayClientException cause) {
    }
}
