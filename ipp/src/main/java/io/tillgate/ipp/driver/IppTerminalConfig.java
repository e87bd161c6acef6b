package io.tillgate.ipp.driver;

import io.tillgate.core.settings.Require;
import io.tillgate.ipp.codec.IppCodec;
import io.tillgate.ipp.codec.IppMessage;
import io.tillgate.transport.Ports;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link IppTerminal}, the driver of one myPOS terminal over TCP.
 *
 * @param id the gateway's terminal id
 * @param host the terminal's address
 * @param port the terminal's TCP port (7900 in Tillgate; docs/protocols/ipp.md §2)
 * @param connectTimeout how long to wait for the TCP connection
 * @param firstReplyTimeout how long to wait for STAGE 1 (docs/protocols/ipp.md §2: 5 s)
 * @param defaultReplyTimeout how long to wait for the next reply when the last carried no TIMEOUT
 * @param replyTimeoutGrace added to every wait, for the network and the terminal's clock
 * @param recoveryTimeout how long GET_STATUS is retried after a lost answer before the outcome is
 *     UNKNOWN (while the terminal answers busy)
 * @param version the VERSION sent (the .NET SDK sends 200; terminals want ≥ 200)
 * @param language LANG sent with every request, or {@code null} to leave it out
 * @param fixedPinpad FIXED_PINPAD: the customer enters the PIN on this terminal
 * @param printReceipt PRINT_RECEIPT 0–3, or -1 to leave the terminal's default
 * @param linkedRefunds send SID_ORIGINAL with REFUND so the terminal knows which payment is refunded
 *     (a Tillgate terminal uses it; turn off for a terminal that rejects it with STATUS 3)
 * @param hostConnectTimeout slave mode: how long to wait for the host connection
 * @param hostReadTimeout slave mode: how long to wait for the host's answer
 * @param maxFrameLength the largest frame accepted from the terminal, header included
 */
public record IppTerminalConfig(String id, String host, int port, Duration connectTimeout, Duration firstReplyTimeout,
        Duration defaultReplyTimeout, Duration replyTimeoutGrace, Duration recoveryTimeout, int version,
        String language, boolean fixedPinpad, int printReceipt, boolean linkedRefunds, Duration hostConnectTimeout,
        Duration hostReadTimeout, int maxFrameLength) {

    public IppTerminalConfig {
        Require.text(id, "id");
        Require.text(host, "host");
        Ports.requireRemote("port", port);
        Require.positive(connectTimeout, "connectTimeout");
        Require.positive(firstReplyTimeout, "firstReplyTimeout");
        Require.positive(defaultReplyTimeout, "defaultReplyTimeout");
        Objects.requireNonNull(replyTimeoutGrace, "replyTimeoutGrace");
        if (replyTimeoutGrace.isNegative()) {
            throw new IllegalArgumentException("replyTimeoutGrace must not be negative, was " + replyTimeoutGrace);
        }
        Require.positive(recoveryTimeout, "recoveryTimeout");
        if (version < 200 || version > 999) {
            throw new IllegalArgumentException("version must be between 200 and 999 (terminals refuse older), was "
                    + version);
        }
        if (language != null && !language.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("language must be two upper-case letters such as EN, was '" + language
                    + "'");
        }
        if (printReceipt < -1 || printReceipt > 3) {
            throw new IllegalArgumentException("printReceipt must be 0 to 3, or -1 for the terminal default, was "
                    + printReceipt);
        }
        Require.positive(hostConnectTimeout, "hostConnectTimeout");
        Require.positive(hostReadTimeout, "hostReadTimeout");
        if (maxFrameLength < 64 || maxFrameLength > IppCodec.MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("maxFrameLength must be between 64 and " + IppCodec.MAX_FRAME_LENGTH
                    + ", was " + maxFrameLength);
        }
    }

    public static IppTerminalConfig defaults(String id, String host, int port) {
        return new IppTerminalConfig(id, host, port, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(2), Duration.ofSeconds(30), IppMessage.DEFAULT_VERSION, "EN", true, -1, true,
                Duration.ofSeconds(10), Duration.ofSeconds(30), IppCodec.MAX_FRAME_LENGTH);
    }

    public IppTerminalConfig withConnectTimeout(Duration value) {
        return new IppTerminalConfig(id, host, port, value, firstReplyTimeout, defaultReplyTimeout, replyTimeoutGrace,
                recoveryTimeout, version, language, fixedPinpad, printReceipt, linkedRefunds, hostConnectTimeout,
                hostReadTimeout, maxFrameLength);
    }

    public IppTerminalConfig withFirstReplyTimeout(Duration value) {
        return new IppTerminalConfig(id, host, port, connectTimeout, value, defaultReplyTimeout, replyTimeoutGrace,
                recoveryTimeout, version, language, fixedPinpad, printReceipt, linkedRefunds, hostConnectTimeout,
                hostReadTimeout, maxFrameLength);
    }

    public IppTerminalConfig withDefaultReplyTimeout(Duration value) {
        return new IppTerminalConfig(id, host, port, connectTimeout, firstReplyTimeout, value, replyTimeoutGrace,
                recoveryTimeout, version, language, fixedPinpad, printReceipt, linkedRefunds, hostConnectTimeout,
                hostReadTimeout, maxFrameLength);
    }

    public IppTerminalConfig withReplyTimeoutGrace(Duration value) {
        return new IppTerminalConfig(id, host, port, connectTimeout, firstReplyTimeout, defaultReplyTimeout, value,
                recoveryTimeout, version, language, fixedPinpad, printReceipt, linkedRefunds, hostConnectTimeout,
                hostReadTimeout, maxFrameLength);
    }

    public IppTerminalConfig withRecoveryTimeout(Duration value) {
        return new IppTerminalConfig(id, host, port, connectTimeout, firstReplyTimeout, defaultReplyTimeout,
                replyTimeoutGrace, value, version, language, fixedPinpad, printReceipt, linkedRefunds,
                hostConnectTimeout, hostReadTimeout, maxFrameLength);
    }

    public IppTerminalConfig withVersion(int value) {
        return new IppTerminalConfig(id, host, port, connectTimeout, firstReplyTimeout, defaultReplyTimeout,
                replyTimeoutGrace, recoveryTimeout, value, language, fixedPinpad, printReceipt, linkedRefunds,
                hostConnectTimeout, hostReadTimeout, maxFrameLength);
    }

    public IppTerminalConfig withLanguage(String value) {
        return new IppTerminalConfig(id, host, port, connectTimeout, firstReplyTimeout, defaultReplyTimeout,
                replyTimeoutGrace, recoveryTimeout, version, value, fixedPinpad, printReceipt, linkedRefunds,
                hostConnectTimeout, hostReadTimeout, maxFrameLength);
    }

    public IppTerminalConfig withFixedPinpad(boolean value) {
        return new IppTerminalConfig(id, host, port, connectTimeout, firstReplyTimeout, defaultReplyTimeout,
                replyTimeoutGrace, recoveryTimeout, version, language, value, printReceipt, linkedRefunds,
                hostConnectTimeout, hostReadTimeout, maxFrameLength);
    }

    public IppTerminalConfig withPrintReceipt(int value) {
        return new IppTerminalConfig(id, host, port, connectTimeout, firstReplyTimeout, defaultReplyTimeout,
                replyTimeoutGrace, recoveryTimeout, version, language, fixedPinpad, value, linkedRefunds,
                hostConnectTimeout, hostReadTimeout, maxFrameLength);
    }

    public IppTerminalConfig withLinkedRefunds(boolean value) {
        return new IppTerminalConfig(id, host, port, connectTimeout, firstReplyTimeout, defaultReplyTimeout,
                replyTimeoutGrace, recoveryTimeout, version, language, fixedPinpad, printReceipt, value,
                hostConnectTimeout, hostReadTimeout, maxFrameLength);
    }

    public IppTerminalConfig withHostTimeouts(Duration connect, Duration read) {
        return new IppTerminalConfig(id, host, port, connectTimeout, firstReplyTimeout, defaultReplyTimeout,
                replyTimeoutGrace, recoveryTimeout, version, language, fixedPinpad, printReceipt, linkedRefunds,
                connect, read, maxFrameLength);
    }

    public IppTerminalConfig withMaxFrameLength(int value) {
        return new IppTerminalConfig(id, host, port, connectTimeout, firstReplyTimeout, defaultReplyTimeout,
                replyTimeoutGrace, recoveryTimeout, version, language, fixedPinpad, printReceipt, linkedRefunds,
                hostConnectTimeout, hostReadTimeout, value);
    }
}
