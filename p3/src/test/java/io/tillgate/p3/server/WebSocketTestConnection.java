package io.tillgate.p3.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** A WebSocket POS on the JDK's client: one P3 message per text message (docs/protocols/p3.md §1.2). */
final class WebSocketTestConnection implements P3TestConnection {

    private final Inbox inbox = new Inbox();
    private final WebSocket webSocket;
    private volatile int closeCode = -1;

    WebSocketTestConnection(URI uri) {
        try {
            webSocket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(uri, new Listener())
                    .get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("WebSocket connection to " + uri + " failed", e);
        }
    }

    @Override
    public void send(String json) {
        webSocket.sendText(json, true).join();
    }

    @Override
    public void sendBytes(byte[] bytes) {
        webSocket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    @Override
    public JsonNode receive(Duration timeout) {
        return inbox.next(timeout);
    }

    @Override
    public boolean awaitClosed(Duration timeout) {
        return inbox.awaitClosed(timeout);
    }

    /** The status code of the server's close frame, or -1 if none came. */
    int closeCode() {
        return closeCode;
    }

    @Override
    public void close() {
        webSocket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                inbox.message(text.toString());
                text.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closeCode = statusCode;
            inbox.closed();
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            inbox.closed();
        }
    }
}
