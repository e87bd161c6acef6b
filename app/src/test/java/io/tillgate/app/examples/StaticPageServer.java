package io.tillgate.app.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves one static page over plain HTTP on a free loopback port, as a shop's web server would
 * serve the web POS: the browser then sends the page's origin ({@code http://127.0.0.1:port}) when
 * it opens the gateway's WebSocket. Anything but the page's own path is 404.
 */
final class StaticPageServer implements AutoCloseable {

    private final HttpServer server;
    private final String path;

    private StaticPageServer(HttpServer server, String path) {
        this.server = server;
        this.path = path;
    }

    /** Serves {@code page} at {@code /} and at {@code /<its file name>}. */
    static StaticPageServer serve(Path page) throws IOException {
        byte[] html = Files.readAllBytes(page);
        String path = "/" + page.getFileName();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String requested = exchange.getRequestURI().getPath();
                if (requested.equals("/") || requested.equals(path)) {
                    respond(exchange, 200, "text/html; charset=utf-8", html);
                } else {
                    respond(exchange, 404, "text/plain; charset=utf-8", new byte[0]);
                }
            }
        });
        server.start();
        return new StaticPageServer(server, path);
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) {
        try {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:port}: what the browser sends as {@code Origin}. */
    String origin() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    URI pageUri() {
        return URI.create(origin() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
