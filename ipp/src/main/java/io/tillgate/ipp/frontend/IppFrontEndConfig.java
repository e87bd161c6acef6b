package io.tillgate.ipp.frontend;

import io.tillgate.core.settings.Require;
import io.tillgate.ipp.codec.IppCodec;
import io.tillgate.transport.Ports;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Settings of {@link IppFrontEnd}, the gateway acting as a myPOS terminal.
 *
 * @param host the address to bind ({@code localhost} by default)
 * @param port the TCP port, 7900 by default (docs/protocols/ipp.md §2); 0 picks a free one
 * @param merchantId the merchant every transaction runs as
 * @param terminalId the gateway terminal every transaction runs on
 * @param merchantName MERCHANT_NAME on STAGE 5 and the receipt fields
 * @param zone the time zone of TX_DATE_LOCAL / TX_TIME_LOCAL
 * @param maxFrameLength the largest accepted frame, header included (at most 65,535)
 * @param idleTimeout a connection with no frame for this long is closed
 * @param replyTimeout sent as TIMEOUT with every stage; also how long a host relay answer is awaited
 * @param hostRelay slave mode: the host the POS must relay STAGE 4 traffic to, or {@code null}
 */
public record IppFrontEndConfig(String host, int port, String merchantId, String terminalId, String merchantName,
        ZoneId zone, int maxFrameLength, Duration idleTimeout, Duration replyTimeout, HostRelay hostRelay) {

    /** The Tillgate default port (docs/protocols/ipp.md §2; the vendor publishes none). */
    public static final int DEFAULT_PORT = 7900;

    public IppFrontEndConfig {
        Require.text(host, "host");
        Ports.require("port", port);
        Require.text(merchantId, "merchantId");
        Require.text(terminalId, "terminalId");
        Require.text(merchantName, "merchantName");
        Objects.requireNonNull(zone, "zone");
        if (maxFrameLength < 64 || maxFrameLength > IppCodec.MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("maxFrameLength must be between 64 and " + IppCodec.MAX_FRAME_LENGTH
                    + ", was " + maxFrameLength);
        }
        Require.positive(idleTimeout, "idleTimeout");
        Require.positive(replyTimeout, "replyTimeout");
        if (replyTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("replyTimeout is sent in whole seconds; at least 1s, was "
                    + replyTimeout);
        }
    }

    public static IppFrontEndConfig defaults(String merchantId, String terminalId) {
        return new IppFrontEndConfig("localhost", DEFAULT_PORT, merchantId, terminalId, "Tillgate", ZoneId.of("UTC"),
                IppCodec.MAX_FRAME_LENGTH, Duration.ofMinutes(5), Duration.ofSeconds(60), null);
    }

    public IppFrontEndConfig withHost(String host) {
        return new IppFrontEndConfig(host, port, merchantId, terminalId, merchantName, zone, maxFrameLength,
                idleTimeout, replyTimeout, hostRelay);
    }

    public IppFrontEndConfig withPort(int port) {
        return new IppFrontEndConfig(host, port, merchantId, terminalId, merchantName, zone, maxFrameLength,
                idleTimeout, replyTimeout, hostRelay);
    }

    public IppFrontEndConfig withMerchantName(String merchantName) {
        return new IppFrontEndConfig(host, port, merchantId, terminalId, merchantName, zone, maxFrameLength,
                idleTimeout, replyTimeout, hostRelay);
    }

    public IppFrontEndConfig withZone(ZoneId zone) {
        return new IppFrontEndConfig(host, port, merchantId, terminalId, merchantName, zone, maxFrameLength,
                idleTimeout, replyTimeout, hostRelay);
    }

    public IppFrontEndConfig withMaxFrameLength(int maxFrameLength) {
        return new IppFrontEndConfig(host, port, merchantId, terminalId, merchantName, zone, maxFrameLength,
                idleTimeout, replyTimeout, hostRelay);
    }

    public IppFrontEndConfig withIdleTimeout(Duration idleTimeout) {
        return new IppFrontEndConfig(host, port, merchantId, terminalId, merchantName, zone, maxFrameLength,
                idleTimeout, replyTimeout, hostRelay);
    }

    public IppFrontEndConfig withReplyTimeout(Duration replyTimeout) {
        return new IppFrontEndConfig(host, port, merchantId, terminalId, merchantName, zone, maxFrameLength,
                idleTimeout, replyTimeout, hostRelay);
    }

    /** Slave mode on ({@code hostRelay} given) or off ({@code null}). */
    public IppFrontEndConfig withHostRelay(HostRelay hostRelay) {
        return new IppFrontEndConfig(host, port, merchantId, terminalId, merchantName, zone, maxFrameLength,
                idleTimeout, replyTimeout, hostRelay);
    }

    /**
     * Slave mode (docs/protocols/ipp.md §9): the emulated payment host the POS relays to. STAGE 1 carries IP and
     * PORT (and CHAIN when {@code certificates} is not empty, which makes the POS use TLS); at the
     * processing step the emulator sends one STAGE 4 host request and waits for the POS's STAGE 4
     * reply (up to the reply timeout) before it sends STAGE 5. The host's answer does not change
     * the simulated outcome.
     *
     * @param host the host name or address given as IP
     * @param port the host port given as PORT
     * @param certificates the host's certificate chain: their SHA-1 fingerprints go in CHAIN and
     *     GET_STATUS's PRIMARY_CHAIN, and GET_CERTIFICATE serves them
     */
    public record HostRelay(String host, int port, List<X509Certificate> certificates) {
        public HostRelay {
            Require.text(host, "hostRelay.host");
            Ports.requireRemote("hostRelay.port", port);
            certificates = List.copyOf(Objects.requireNonNull(certificates, "hostRelay.certificates"));
        }

        public boolean tls() {
            return !certificates.isEmpty();
        }
    }
}
