package io.tillgate.admin.http;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * The headers every admin answer carries: nothing from elsewhere may run in the console (the CSP
 * allows the gateway's own files and, for the test payment panel, its P3 WebSocket), the console
 * is never framed, nothing is cached.
 */
public final class SecurityHeaders {

    private final String contentSecurityPolicy;

    /** @param webSocketSources what the console may open WebSockets to, e.g. {@code ws://*:8080}; may be empty */
    public SecurityHeaders(String webSocketSources) {
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data: blob:; connect-src 'self'" + (webSocketSources.isEmpty() ? "" : " "
                + webSocketSources) + "; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    }

    public void apply(HttpHeaders headers) {
        headers.set("Content-Security-Policy", contentSecurityPolicy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        if (!headers.contains("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
    }
}
