package io.tillgate.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback man in the middle: each connection it accepts gets its own connection to the server.
 * What the client sends reaches the server unchanged; what the server sends reaches the client
 * through a {@link Relay}, which may change it (a test's damaged line).
 */
public final class LoopbackProxy implements AutoCloseable {

    /** Carries one connection's server-to-client bytes until either side closes. */
    @FunctionalInterface
    public interface Relay {
        void relay(InputStream fromServer, OutputStream toClient) throws IOException;
    }

    private final ServerSocket listener;
    private final InetSocketAddress server;
    private final Relay relay;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "loopback-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public LoopbackProxy(InetSocketAddress server, Relay relay) throws IOException {
        this.server = server;
        this.relay = relay;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** The loopback port clients connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket(server.getAddress(), server.getPort());
                sockets.add(client);
                sockets.add(upstream);
                threads.execute(() -> pipe(client, upstream, InputStream::transferTo));
                threads.execute(() -> pipe(upstream, client, relay));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pipe(Socket from, Socket to, Relay how) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            how.relay(in, out);
        } catch (IOException closed) {
            // either side went away, at a message boundary or inside one
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(LoopbackProxy::closeQuietly);
        threads.shutdownNow();
    }
}
