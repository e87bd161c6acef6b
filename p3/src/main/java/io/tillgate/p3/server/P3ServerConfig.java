package io.tillgate.p3.server;

import io.tillgate.transport.ConnectionLimits;
import io.tillgate.transport.Ports;
import io.tillgate.transport.ServerTls;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the P3 PayServer front-end needs from configuration, checked once here so that a bad
 * value is reported at start-up naming the setting, not later as a socket failure.
 *
 * @param host the interface both listeners bind to ({@code localhost} by default, docs/protocols/p3.md §1.1)
 * @param websocketPort the WebSocket port; {@code 0} picks a free one
 * @param tcpPort the framed-TCP port; {@code 0} picks a free one
 * @param maxFrameBytes the largest message accepted on either transport (TCP frame payload or
 *     reassembled WebSocket message); anything larger closes the connection
 * @param idleTimeout a connection with no traffic in either direction for this long is closed
 * @param information what LOGIN_MERCHANT_RESPONSE reports as {@code information}, in this order
 * @param receiptWidth the printable width of pre-formatted receipt lines
 * @param zone the shop's time zone for receipt dates and times
 * @param tls TLS on both listeners ({@code wss://}, {@code tls://}), or {@code null} for plaintext
 * @param limits connections per listener, per source address, and the first-request deadline
 * @param allowedOrigins the {@code Origin}s a browser may open the WebSocket from; empty for any.
 *     A client that sends no {@code Origin} (POS software, not a browser) is not affected.
 * @param loginThrottle how failed logins are delayed and locked out
 * @param clock what login throttling tells time by: the system clock, a settable one in tests
 */
public record P3ServerConfig(String host, int websocketPort, int tcpPort, int maxFrameBytes, Duration idleTimeout,
        Map<String, String> information, int receiptWidth, ZoneId zone, ServerTls tls, ConnectionLimits limits,
        Set<String> allowedOrigins, LoginThrottleSettings loginThrottle, Clock clock) {

    public P3ServerConfig {
        Objects.requireNonNull(host, "host");
        Ports.require("websocketPort", websocketPort);
        Ports.require("tcpPort", tcpPort);
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
        Objects.requireNonNull(limits, "limits");
        allowedOrigins = Set.copyOf(allowedOrigins);
        Objects.requireNonNull(loginThrottle, "loginThrottle");
        Objects.requireNonNull(clock, "clock");
    }

    /** Plaintext, the default limits, any origin, the default login throttling on the system clock. */
    public P3ServerConfig(String host, int websocketPort, int tcpPort, int maxFrameBytes, Duration idleTimeout,
            Map<String, String> information, int receiptWidth, ZoneId zone) {
        this(host, websocketPort, tcpPort, maxFrameBytes, idleTimeout, information, receiptWidth, zone, null,
                ConnectionLimits.defaults(), Set.of(), LoginThrottleSettings.defaults(), Clock.systemUTC());
    }

    /** This configuration, throttling failed logins as {@code settings} say, by {@code loginClock}. */
    public P3ServerConfig withLoginThrottle(LoginThrottleSettings settings, Clock loginClock) {
        return new P3ServerConfig(host, websocketPort, tcpPort, maxFrameBytes, idleTimeout, information, receiptWidth,
                zone, tls, limits, allowedOrigins, settings, loginClock);
    }

    public P3ServerConfig withTls(ServerTls serverTls) {
        return new P3ServerConfig(host, websocketPort, tcpPort, maxFrameBytes, idleTimeout, information, receiptWidth,
                zone, serverTls, limits, allowedOrigins, loginThrottle, clock);
    }

    public P3ServerConfig withLimits(ConnectionLimits connectionLimits) {
        return new P3ServerConfig(host, websocketPort, tcpPort, maxFrameBytes, idleTimeout, information, receiptWidth,
                zone, tls, connectionLimits, allowedOrigins, loginThrottle, clock);
    }

    public P3ServerConfig withAllowedOrigins(Set<String> origins) {
        return new P3ServerConfig(host, websocketPort, tcpPort, maxFrameBytes, idleTimeout, information, receiptWidth,
                zone, tls, limits, origins, loginThrottle, clock);
    }
}
