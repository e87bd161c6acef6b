package io.tillgate.concert.frontend;

import io.tillgate.core.settings.Require;
import io.tillgate.transport.Ports;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of a {@link ConcertFrontEnd}: Tillgate listening as a Concert terminal.
 *
 * @param bindHost the address to listen on
 * @param port the TCP port; 0 picks a free one (tests)
 * @param merchantId the merchant every transaction runs as
 * @param terminalId the gateway terminal every transaction runs on
 * @param currencies the currencies accepted; others are answered {@code AE=01 AF=13}
 * @param maxRequestBytes the largest request accepted; larger ones are answered {@code AF=09}
 * @param quietInterval how long no byte may follow whole TLV items before they count as the request
 * @param quietIntervalOnly whether every request waits for the quiet interval, even one that arrived in
 *     one read holding every tag its {@code CD} requires (which is otherwise answered at once)
 * @param idleTimeout how long a connection may stay open without delivering a whole request
 * @param contractNumber the merchant contract number answered in {@code CG}, or {@code null} to leave it out
 * @param ticketWidth characters per ticket line (at least 20)
 * @param zone the shop's time zone, for the date and time printed on tickets
 */
public record ConcertFrontEndConfig(String bindHost, int port, String merchantId, String terminalId,
        Set<Currency> currencies, int maxRequestBytes, Duration quietInterval, boolean quietIntervalOnly,
        Duration idleTimeout, String contractNumber, int ticketWidth, ZoneId zone) {

    /** The Project decision's terminal port. */
    public static final int DEFAULT_PORT = 8888;
    public static final String DEFAULT_BIND_HOST = "localhost";
    public static final int DEFAULT_MAX_REQUEST_BYTES = 16 * 1024;
    /** Short: a cash register sends its request in one write, so the interval only covers TCP splits. */
    public static final Duration DEFAULT_QUIET_INTERVAL = Duration.ofMillis(50);
    public static final Duration MAX_QUIET_INTERVAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** A typical terminal printer's line. */
    public static final int DEFAULT_TICKET_WIDTH = 24;

    public ConcertFrontEndConfig {
        Require.text(bindHost, "bindHost");
        Ports.require("port", port);
        Require.text(merchantId, "merchantId");
        Require.text(terminalId, "terminalId");
        Objects.requireNonNull(currencies, "currencies");
        if (currencies.isEmpty()) {
            throw new IllegalArgumentException("currencies must name at least one currency");
        }
        currencies = Set.copyOf(currencies);
        if (maxRequestBytes < 64) {
            throw new IllegalArgumentException("maxRequestBytes must be at least 64, was " + maxRequestBytes);
        }
        Objects.requireNonNull(quietInterval, "quietInterval");
        if (quietInterval.isNegative() || quietInterval.compareTo(MAX_QUIET_INTERVAL) > 0) {
            throw new IllegalArgumentException("quietInterval must be 0..5s, was " + quietInterval);
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
        }
        if (contractNumber != null && (contractNumber.isEmpty() || contractNumber.length() > 10
                || !contractNumber.chars().allMatch(c -> c >= 0x20 && c <= 0x7E))) {
            throw new IllegalArgumentException("contractNumber must be 1..10 printable ASCII characters, was '"
                    + contractNumber + "'");
        }
        if (ticketWidth < 20 || ticketWidth > 80) {
            throw new IllegalArgumentException("ticketWidth must be 20..80, was " + ticketWidth);
        }
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * Port 8888 on localhost, EUR only, 16 KiB requests, a request complete at once or after a 50 ms quiet
     * interval, 30 s idle timeout.
     */
    public static ConcertFrontEndConfig defaults(String merchantId, String terminalId) {
        return new ConcertFrontEndConfig(DEFAULT_BIND_HOST, DEFAULT_PORT, merchantId, terminalId,
                Set.of(Currency.getInstance("EUR")), DEFAULT_MAX_REQUEST_BYTES, DEFAULT_QUIET_INTERVAL,
                false, DEFAULT_IDLE_TIMEOUT, null, DEFAULT_TICKET_WIDTH, ZoneId.systemDefault());
    }

    public ConcertFrontEndConfig withBind(String bindHost, int port) {
        return new ConcertFrontEndConfig(bindHost, port, merchantId, terminalId, currencies, maxRequestBytes,
                quietInterval, quietIntervalOnly, idleTimeout, contractNumber, ticketWidth, zone);
    }

    public ConcertFrontEndConfig withCurrencies(Set<Currency> currencies) {
        return new ConcertFrontEndConfig(bindHost, port, merchantId, terminalId, currencies, maxRequestBytes,
                quietInterval, quietIntervalOnly, idleTimeout, contractNumber, ticketWidth, zone);
    }

    public ConcertFrontEndConfig withMaxRequestBytes(int maxRequestBytes) {
        return new ConcertFrontEndConfig(bindHost, port, merchantId, terminalId, currencies, maxRequestBytes,
                quietInterval, quietIntervalOnly, idleTimeout, contractNumber, ticketWidth, zone);
    }

    public ConcertFrontEndConfig withTimeouts(Duration quietInterval, Duration idleTimeout) {
        return new ConcertFrontEndConfig(bindHost, port, merchantId, terminalId, currencies, maxRequestBytes,
                quietInterval, quietIntervalOnly, idleTimeout, contractNumber, ticketWidth, zone);
    }

    /** @param quietIntervalOnly whether every request waits for the quiet interval (see the record's docs) */
    public ConcertFrontEndConfig withQuietIntervalOnly(boolean quietIntervalOnly) {
        return new ConcertFrontEndConfig(bindHost, port, merchantId, terminalId, currencies, maxRequestBytes,
                quietInterval, quietIntervalOnly, idleTimeout, contractNumber, ticketWidth, zone);
    }

    public ConcertFrontEndConfig withContractNumber(String contractNumber) {
        return new ConcertFrontEndConfig(bindHost, port, merchantId, terminalId, currencies, maxRequestBytes,
                quietInterval, quietIntervalOnly, idleTimeout, contractNumber, ticketWidth, zone);
    }

    public ConcertFrontEndConfig withTickets(int ticketWidth, ZoneId zone) {
        return new ConcertFrontEndConfig(bindHost, port, merchantId, terminalId, currencies, maxRequestBytes,
                quietInterval, quietIntervalOnly, idleTimeout, contractNumber, ticketWidth, zone);
    }
}
