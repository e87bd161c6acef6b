package io.tillgate.p3.client;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a {@link PayClient} connects, parsed once from its URI: {@code ws://host[:port][/path]}
 * (port 80 when absent, path {@code /p3} when absent, as the Tillgate server serves both {@code /}
 * and {@code /p3}) or {@code tcp://host[:port]} (port 8081, the project's default, when absent);
 * {@code wss://} (port 443) and {@code tls://} (port 8081) are the same over TLS.
 */
record P3Endpoint(URI uri, boolean webSocket, boolean tls, String host, int port) {

    static final String DEFAULT_WEBSOCKET_PATH = "/p3";
    static final int DEFAULT_WEBSOCKET_PORT = 80;
    static final int DEFAULT_SECURE_WEBSOCKET_PORT = 443;
    static final int DEFAULT_TCP_PORT = 8081;

    static P3Endpoint parse(URI uri) {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("P3 URI " + uri
                    + " has no host (write ws://host:port/p3 or tcp://host:port)");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        switch (scheme) {
            case "ws", "wss" -> {
                boolean tls = scheme.equals("wss");
                int port = uri.getPort() != -1 ? uri.getPort() : tls ? DEFAULT_SECURE_WEBSOCKET_PORT
                        : DEFAULT_WEBSOCKET_PORT;
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty()
                        ? DEFAULT_WEBSOCKET_PATH : uri.getRawPath();
                String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
                URI normalised = URI.create(scheme + "://" + uri.getRawAuthority() + path + query);
                return new P3Endpoint(normalised, true, tls, host, port);
            }
            case "tcp", "tls" -> {
                if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
                    throw new IllegalArgumentException("P3 TCP URI " + uri + " must not have a path");
                }
                int port = uri.getPort() == -1 ? DEFAULT_TCP_PORT : uri.getPort();
                return new P3Endpoint(URI.create(scheme + "://" + uri.getRawAuthority()), false, scheme.equals("tls"),
                        host, port);
            }
            default -> throw new IllegalArgumentException("unsupported P3 URI scheme '" + uri.getScheme()
                    + "' in " + uri + " (expected ws://, wss://, tcp:// or tls://)");
        }
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
