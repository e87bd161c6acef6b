package io.tillgate.ipp;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A payment host for slave-mode tests: reads host requests as the terminal frames them (a 2-byte
 * length that counts itself, docs/protocols/ipp.md §9), records them verbatim, and answers each with a fixed frame.
 */
public final class FakeHost implements AutoCloseable {

    public final List<byte[]> received = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final byte[] answer;
    private final Thread acceptor;

    /** @param tls a server TLS context, or {@code null} for plain TCP */
    public FakeHost(SSLContext tls, byte[] answer) throws IOException {
        this.answer = answer.clone();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        server = tls == null ? new ServerSocket(0, 10, loopback)
                : tls.getServerSocketFactory().createServerSocket(0, 10, loopback);
        acceptor = new Thread(this::accept, "fake-host");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(10_000);
                DataInputStream in = new DataInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                while (true) {
                    int length = in.readUnsignedShort();
                    byte[] request = new byte[length];
                    request[0] = (byte) (length >>> 8);
                    request[1] = (byte) length;
                    in.readFully(request, 2, length - 2);
                    received.add(request);
                    out.write(answer);
                    out.flush();
                }
            } catch (IOException endOfConnection) {
                // The caller closes after each exchange in STATUS 0 mode; wait for the next one.
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
