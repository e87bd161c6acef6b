package io.tillgate.p3.server;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the P3 PayServer front-end needs from configuration, checked once here so that a bad
 * value is reported at start-up naming the setting, not later as a socket failure.
 *
 * @param host the interface both listeners bind to ({@code localhost} by default, p3.md §1.1)
 * @param websocketPort the WebSocket port; {@code 0} picks a free one
 * @param tcpPort the framed-TCP port; {@code 0} picks a free one
 * @param maxFrameBytes the largest message accepted on either transport (TCP frame payload or
 *     reassembled WebSocket message); anything larger closes the connection
 * @param idleTimeout a connection with no traffic in either direction for this long is closed
 * @param information what LOGIN_MERCHANT_RESPONSE reports as {@code information}, in this order
 * @param receiptWidth the printable width of pre-formatted receipt lines
 * @param zone the shop's time zone for receipt dates and times
 * @param loginThrottle how failed logins are delayed and locked out
 * @param clock what login throttling tells time by: the system clock, a settable one in tests
 */
public record P3ServerConfig(String host, int websocketPort, int tcpPort, int maxFrameBytes, Duration idleTimeout,
        Map<String, String> information, int receiptWidth, ZoneId zone, LoginThrottleSettings loginThrottle,
        Clock clock) {

    /** With the default login throttling on the system clock. */
    public P3ServerConfig(String host, int websocketPort, int tcpPort, int maxFrameBytes, Duration idleTimeout,
            Map<String, String> information, int receiptWidth, ZoneId zone) {
        this(host, websocketPort, tcpPort, maxFrameBytes, idleTimeout, information, receiptWidth, zone,
                LoginThrottleSettings.defaults(), Clock.systemUTC());
    }

    public P3ServerConfig {
        Objects.requireNonNull(host, "host");
        requirePort(websocketPort, "websocketPort");
        requirePort(tcpPort, "tcpPort");
        if (maxFrameBytes <= 0) {
            throw new IllegalArgumentException("maxFrameBytes must be positive, was " + maxFrameBytes);
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
        }
        information = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(information,
                "information")));
        if (receiptWidth < 20) {
            throw new IllegalArgumentException("receiptWidth must be at least 20 characters, was " + receiptWidth);
        }
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(loginThrottle, "loginThrottle");
        Objects.requireNonNull(clock, "clock");
    }

    private static void requirePort(int port, String name) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be between 0 and 65535, was " + port);
        }
    }
}
