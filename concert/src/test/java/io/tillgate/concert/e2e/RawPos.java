package io.tillgate.concert.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A bare-socket cash register: writes bytes as told and reads until the terminal closes. */
final class RawPos implements AutoCloseable {

    private final Socket socket = new Socket();

    RawPos(InetSocketAddress terminal) throws IOException {
        this(terminal, true);
    }

    /** @param noDelay {@code TCP_NODELAY}: each write leaves at once; without it Nagle's algorithm may merge them */
    RawPos(InetSocketAddress terminal, boolean noDelay) throws IOException {
        socket.setTcpNoDelay(noDelay);
        socket.connect(terminal, 2000);
        socket.setSoTimeout(10_000);
    }

    RawPos write(String part) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(part.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return this;
    }

    /** Everything the terminal sends until it closes. */
    String readToClose() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        for (int n; (n = in.read(chunk)) >= 0; ) {
            answer.write(chunk, 0, n);
        }
        return answer.toString(StandardCharsets.US_ASCII);
    }

    static String exchange(InetSocketAddress terminal, String request) throws IOException {
        try (RawPos pos = new RawPos(terminal)) {
            return pos.write(request).readToClose();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
