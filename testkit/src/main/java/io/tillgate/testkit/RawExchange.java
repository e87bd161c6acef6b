package io.tillgate.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * One request over a fresh loopback connection, as a peer that sends anything and waits for the
 * server to answer or hang up. The bytes are written at once and the answer read until the server
 * falls silent for the settle time; then the peer closes its output, saying it will send nothing
 * more (a server waiting for the rest of a cut-off frame must give up then), and reads everything
 * until the server closes. A server that neither answers nor closes within the deadline fails the
 * exchange.
 */
public final class RawExchange {

    private RawExchange() {
    }

    /**
     * Everything the server sent until it closed; a reset after the server's last byte counts as
     * a close.
     *
     * @throws SocketTimeoutException if the server was still silent and open after {@code deadline}
     */
    public static byte[] exchange(InetSocketAddress server, byte[] request, Duration settle, Duration deadline)
            throws IOException {
        return exchange(server, Opening.NONE, request, settle, deadline);
    }

    /**
     * As {@link #exchange(InetSocketAddress, byte[], Duration, Duration)}, after an opening
     * handshake whose answer the request must wait for (a WebSocket upgrade, say). The answer
     * returned starts with the opening's.
     */
    public static byte[] exchange(InetSocketAddress server, Opening opening, byte[] request, Duration settle,
            Duration deadline) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, (int) deadline.toMillis());
            socket.setTcpNoDelay(true);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            if (opening.request().length > 0) {
                socket.getOutputStream().write(opening.request());
                socket.setSoTimeout((int) deadline.toMillis());
                while (!opening.answered().test(answer.toByteArray())) {
                    if (readSome(socket.getInputStream(), answer) < 0) {
                        return answer.toByteArray();
                    }
                }
            }
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (SocketException closedWhileWriting) {
                // The server refused the request part-way (too large, say): read what it said.
            }
            socket.setSoTimeout((int) settle.toMillis());
            try {
                readToClose(socket, answer);
                return answer.toByteArray();
            } catch (SocketTimeoutException silent) {
                // the server waits for more, or for the end of the request
            }
            try {
                socket.shutdownOutput();
            } catch (SocketException alreadyClosed) {
                return answer.toByteArray();
            }
            socket.setSoTimeout((int) deadline.toMillis());
            readToClose(socket, answer);
            return answer.toByteArray();
        }
    }

    /**
     * Reads until the server closes; a reset counts as a close (the server closed with our bytes
     * unread).
     *
     * @throws SocketTimeoutException if the server sends nothing for the socket's timeout
     */
    private static void readToClose(Socket socket, ByteArrayOutputStream answer) throws IOException {
        try {
            while (readSome(socket.getInputStream(), answer) >= 0) {
                // until the server closes
            }
        } catch (SocketException reset) {
            // a close
        }
    }

    /**
     * What a protocol makes a client send and wait for before its first message.
     *
     * @param request the opening bytes; empty for none
     * @param answered whether the bytes read so far hold the whole answer to them
     */
    public record Opening(byte[] request, Predicate<byte[]> answered) {

        public static final Opening NONE = new Opening(new byte[0], answer -> true);
    }

    private static int readSome(InputStream in, ByteArrayOutputStream into) throws IOException {
        byte[] chunk = new byte[4096];
        int n = in.read(chunk);
        if (n > 0) {
            into.write(chunk, 0, n);
        }
        return n;
    }
}
