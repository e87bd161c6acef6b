package io.tillgate.concert.driver;

import io.tillgate.concert.codec.ConcertTag;
import io.tillgate.concert.codec.TicketMode;
import io.tillgate.transport.Ports;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link ConcertTerminal}: one Concert V3 terminal reached over TCP.
 *
 * @param id the gateway terminal id
 * @param host the terminal's host name or address
 * @param port the terminal's TCP port (8888 by default)
 * @param connectTimeout how long a connection attempt may take; nothing is sent if it fails
 * @param answerDeadline how long the answer may take after the request is written (180 s for BA=0)
 * @param drainInterval quiet time after whole items containing {@code AE} that ends the answer (200 ms)
 * @param drainIntervalOnly whether every answer waits for the drain interval or the terminal's close, even
 *     one that arrived in one read with {@code AE} and what the request asked for (otherwise taken at once)
 * @param maxAnswerBytes the largest answer read (16 KiB)
 * @param protocolVersion {@code CZ} sent, four digits ({@code 0320})
 * @param softwareId {@code CJ} sent: the AP-issued cash-register software id, 12 digits
 * @param registerNumber {@code CA} sent: the cash-register number, 2 digits
 * @param immediateMode send {@code BA=1}: the terminal only acknowledges, so the outcome stays UNKNOWN
 * @param tickets {@code CK} sent to have tickets returned, or {@code null} for none
 */
public record ConcertTerminalConfig(String id, String host, int port, Duration connectTimeout,
        Duration answerDeadline, Duration drainInterval, boolean drainIntervalOnly, int maxAnswerBytes,
        String protocolVersion, String softwareId, String registerNumber, boolean immediateMode, TicketMode tickets) {

    public static final int DEFAULT_PORT = 8888;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_ANSWER_DEADLINE = Duration.ofSeconds(180);
    public static final Duration DEFAULT_DRAIN_INTERVAL = Duration.ofMillis(200);
    public static final int DEFAULT_MAX_ANSWER_BYTES = 16 * 1024;
    public static final String DEFAULT_PROTOCOL_VERSION = "0320";
    /** Placeholder until the AP issues the software its own id; PayXpress ignores it. */
    public static final String DEFAULT_SOFTWARE_ID = "000000000000";
    public static final String DEFAULT_REGISTER_NUMBER = "01";

    public ConcertTerminalConfig {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must not be empty");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host of Concert terminal " + id + " must not be empty");
        }
        Ports.requireRemote("port of Concert terminal " + id, port);
        requirePositive(connectTimeout, "connectTimeout", id);
        requirePositive(answerDeadline, "answerDeadline", id);
        Objects.requireNonNull(drainInterval, "drainInterval");
        if (drainInterval.isNegative() || drainInterval.compareTo(answerDeadline) >= 0) {
            throw new IllegalArgumentException("drainInterval of Concert terminal " + id
                    + " must be 0 or more and below answerDeadline, was " + drainInterval);
        }
        if (maxAnswerBytes < 64) {
            throw new IllegalArgumentException("maxAnswerBytes of Concert terminal " + id + " must be at least 64, was "
                    + maxAnswerBytes);
        }
        requireRule(ConcertTag.CZ, protocolVersion, "protocolVersion", id);
        requireRule(ConcertTag.CJ, softwareId, "softwareId", id);
        requireRule(ConcertTag.CA, registerNumber, "registerNumber", id);
    }

    /**
     * Port as given, 5 s connect, 180 s deadline, an answer taken at once when complete or else after
     * 200 ms of silence, 16 KiB, CZ 0320, CA 01, BA 0, no tickets.
     */
    public static ConcertTerminalConfig defaults(String id, String host, int port) {
        return new ConcertTerminalConfig(id, host, port, DEFAULT_CONNECT_TIMEOUT, DEFAULT_ANSWER_DEADLINE,
                DEFAULT_DRAIN_INTERVAL, false, DEFAULT_MAX_ANSWER_BYTES, DEFAULT_PROTOCOL_VERSION, DEFAULT_SOFTWARE_ID,
                DEFAULT_REGISTER_NUMBER, false, null);
    }

    public ConcertTerminalConfig withTimeouts(Duration connectTimeout, Duration answerDeadline,
            Duration drainInterval) {
        return new ConcertTerminalConfig(id, host, port, connectTimeout, answerDeadline, drainInterval,
                drainIntervalOnly, maxAnswerBytes, protocolVersion, softwareId, registerNumber, immediateMode, tickets);
    }

    /** @param drainIntervalOnly whether every answer waits for the drain interval (see the record's docs) */
    public ConcertTerminalConfig withDrainIntervalOnly(boolean drainIntervalOnly) {
        return new ConcertTerminalConfig(id, host, port, connectTimeout, answerDeadline, drainInterval,
                drainIntervalOnly, maxAnswerBytes, protocolVersion, softwareId, registerNumber, immediateMode, tickets);
    }

    public ConcertTerminalConfig withMaxAnswerBytes(int maxAnswerBytes) {
        return new ConcertTerminalConfig(id, host, port, connectTimeout, answerDeadline, drainInterval,
                drainIntervalOnly, maxAnswerBytes, protocolVersion, softwareId, registerNumber, immediateMode, tickets);
    }

    public ConcertTerminalConfig withIdentifiers(String protocolVersion, String softwareId, String registerNumber) {
        return new ConcertTerminalConfig(id, host, port, connectTimeout, answerDeadline, drainInterval,
                drainIntervalOnly, maxAnswerBytes, protocolVersion, softwareId, registerNumber, immediateMode, tickets);
    }

    public ConcertTerminalConfig withImmediateMode(boolean immediateMode) {
        return new ConcertTerminalConfig(id, host, port, connectTimeout, answerDeadline, drainInterval,
                drainIntervalOnly, maxAnswerBytes, protocolVersion, softwareId, registerNumber, immediateMode, tickets);
    }

    public ConcertTerminalConfig withTickets(TicketMode tickets) {
        return new ConcertTerminalConfig(id, host, port, connectTimeout, answerDeadline, drainInterval,
                drainIntervalOnly, maxAnswerBytes, protocolVersion, softwareId, registerNumber, immediateMode, tickets);
    }

    private static void requirePositive(Duration value, String name, String id) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " of Concert terminal " + id + " must be positive, was " + value);
        }
    }

    private static void requireRule(ConcertTag tag, String value, String name, String id) {
        int length = tag.minLength();
        if (value == null || value.length() != length || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(name + " (" + tag + ") of Concert terminal " + id + " must be "
                    + length + " digits, was '" + value + "'");
        }
    }
}
