package io.tillgate.nexo.frontend;

import io.tillgate.core.settings.Require;
import io.tillgate.nexo.codec.NexoCodec;
import io.tillgate.nexo.netty.NexoHttp;
import io.tillgate.transport.Ports;
import java.net.URI;
import java.time.Duration;

/**
 * Settings of a {@link NexoFrontEnd}: Tillgate acting as a nexo terminal.
 *
 * @param bindHost the interface to listen on
 * @param port the TCP port; 0 picks a free one (tests)
 * @param merchantId the merchant the transactions run as
 * @param terminalId the gateway terminal the transactions run on
 * @param posListenerUrl where full-integration POSes listen ({@code http://host:11001/EPASSaleToPOI/3.1}),
 *     or {@code null} to serve light integration only
 * @param maxBodyBytes the largest request document accepted
 * @param idleTimeout a connection silent for this long is closed
 * @param posRequestTimeout how long a Display, Print or Event post to the POS listener may take
 * @param inputTimeout how long the POS has to answer an InputRequest (signature check)
 */
public record NexoFrontEndConfig(String bindHost, int port, String merchantId, String terminalId, URI posListenerUrl,
        int maxBodyBytes, Duration idleTimeout, Duration posRequestTimeout, Duration inputTimeout) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_POS_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_INPUT_TIMEOUT = Duration.ofMinutes(2);

    public NexoFrontEndConfig {
        Require.text(bindHost, "bindHost");
        Ports.require("port", port);
        Require.text(merchantId, "merchantId");
        Require.text(terminalId, "terminalId");
        if (posListenerUrl != null && (!isHttp(posListenerUrl) || posListenerUrl.getHost() == null
                || posListenerUrl.getPort() < 1)) {
            throw new IllegalArgumentException("posListenerUrl must be http://host:port/... or https://host:port/..., "
                    + "was '" + posListenerUrl + "'");
        }
        if (maxBodyBytes < 1024 || maxBodyBytes > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be 1024..16777216, was " + maxBodyBytes);
        }
        Require.positive(idleTimeout, "idleTimeout");
        Require.positive(posRequestTimeout, "posRequestTimeout");
        Require.positive(inputTimeout, "inputTimeout");
    }

    private static boolean isHttp(URI url) {
        return "http".equals(url.getScheme()) || "https".equals(url.getScheme());
    }

    /** Whether the POS listener is posted to over HTTPS. */
    public boolean posListenerTls() {
        return posListenerUrl != null && "https".equals(posListenerUrl.getScheme());
    }

    /** Port 11000 on localhost, light integration only until a POS listener URL is set. */
    public static NexoFrontEndConfig defaults(String merchantId, String terminalId) {
        return new NexoFrontEndConfig("localhost", NexoHttp.DEFAULT_TERMINAL_PORT, merchantId, terminalId, null,
                NexoCodec.DEFAULT_MAX_BYTES, DEFAULT_IDLE_TIMEOUT, DEFAULT_POS_REQUEST_TIMEOUT, DEFAULT_INPUT_TIMEOUT);
    }

    public NexoFrontEndConfig withBind(String host, int listenPort) {
        return new NexoFrontEndConfig(host, listenPort, merchantId, terminalId, posListenerUrl, maxBodyBytes,
                idleTimeout, posRequestTimeout, inputTimeout);
    }

    public NexoFrontEndConfig withPosListenerUrl(URI url) {
        return new NexoFrontEndConfig(bindHost, port, merchantId, terminalId, url, maxBodyBytes, idleTimeout,
                posRequestTimeout, inputTimeout);
    }

    public NexoFrontEndConfig withMaxBodyBytes(int max) {
        return new NexoFrontEndConfig(bindHost, port, merchantId, terminalId, posListenerUrl, max, idleTimeout,
                posRequestTimeout, inputTimeout);
    }

    public NexoFrontEndConfig withTimeouts(Duration idle, Duration posRequest, Duration input) {
        return new NexoFrontEndConfig(bindHost, port, merchantId, terminalId, posListenerUrl, maxBodyBytes, idle,
                posRequest, input);
    }
}
