package io.tillgate.p3.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A blocking framed-TCP POS (docs/protocols/p3.md §1.3) that frames by hand: 4-byte big-endian length, then
 * the UTF-8 JSON.
 */
final class TcpTestConnection implements P3TestConnection {

    private final Socket socket;
    private final OutputStream out;
    private final Inbox inbox = new Inbox();

    TcpTestConnection(InetSocketAddress server) {
        this(server, null);
    }

    /** Connects from {@code source} (any local address when {@code null}). */
    TcpTestConnection(InetSocketAddress server, InetAddress source) {
        try {
            socket = new Socket(server.getAddress(), server.getPort(), source, 0);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread reader = new Thread(this::read, "p3-test-tcp-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static byte[] frame(String json) {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
    }

    @Override
    public void send(String json) {
        sendBytes(frame(json));
    }

    @Override
    public void sendBytes(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public JsonNode receive(Duration timeout) {
        return inbox.next(timeout);
    }

    @Override
    public boolean awaitClosed(Duration timeout) {
        return inbox.awaitClosed(timeout);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket twice is fine
        }
    }

    private void read() {
        try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
            while (true) {
                int length = in.readInt();
                byte[] payload = new byte[length];
                in.readFully(payload);
                inbox.message(new String(payload, StandardCharsets.UTF_8));
            }
        } catch (EOFException end) {
            inbox.closed();
        } catch (IOException reset) {
            inbox.closed();
        }
    }
}
