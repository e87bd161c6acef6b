package io.tillgate.p3.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test-only POS connection over a real socket, the same for both transports, so every scenario
 * can run over WebSocket and framed TCP alike. Received messages are queued by a reader; the end of
 * the connection is queued too, so a test can wait for either.
 */
interface P3TestConnection extends AutoCloseable {

    Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    /** Sends one message as the transport frames it. */
    void send(String json);

    /** Sends bytes as they are: raw socket bytes on TCP, a binary message on WebSocket. */
    void sendBytes(byte[] bytes);

    /** The next message, failing the test if none arrives in time or the connection ends first. */
    JsonNode receive(Duration timeout);

    default JsonNode receive() {
        return receive(DEFAULT_WAIT);
    }

    /** Whether the server closed the connection within {@code timeout} (messages before the close are skipped). */
    boolean awaitClosed(Duration timeout);

    @Override
    void close();

    /** The queue both transports feed: parsed messages, then {@link #CLOSED} once the connection ends. */
    final class Inbox {

        static final Object CLOSED = new Object();
        /** Keeps amounts exactly as sent ({@code 5.00} stays {@code 5.00}). */
        private static final ObjectMapper JSON = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();

        private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

        void message(String json) {
            try {
                queue.add(JSON.readTree(json));
            } catch (java.io.IOException e) {
                queue.add(new AssertionError("server sent invalid JSON: " + json, e));
            }
        }

        void closed() {
            queue.add(CLOSED);
        }

        JsonNode next(Duration timeout) {
            Object next;
            try {
                next = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for a message", e);
            }
            if (next == null) {
                throw new AssertionError("no message within " + timeout);
            }
            if (next == CLOSED) {
                queue.add(CLOSED);
                throw new AssertionError("connection closed while waiting for a message");
            }
            if (next instanceof AssertionError error) {
                throw error;
            }
            return (JsonNode) next;
        }

        boolean awaitClosed(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (true) {
                    long left = deadline - System.nanoTime();
                    Object next = queue.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
                    if (next == CLOSED) {
                        queue.add(CLOSED);
                        return true;
                    }
                    if (next == null) {
                        return false;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
