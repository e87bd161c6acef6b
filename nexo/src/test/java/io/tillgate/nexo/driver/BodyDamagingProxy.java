package io.tillgate.nexo.driver;

import io.tillgate.testkit.FrameMutator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback man in the middle between the nexo driver and a terminal: relays every HTTP exchange,
 * except that it can replace the bodies of the terminal's next responses with damaged copies. The
 * Content-Length is corrected, so the HTTP stays valid and only the nexo documents are damaged.
 */
final class BodyDamagingProxy implements AutoCloseable {

    private static final int MAX_HEAD = 8 * 1024;

    private final ServerSocket server;
    private final int terminalPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "nexo-damaging-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** How many of the terminal's next responses to damage. */
    private final AtomicInteger responsesToDamage = new AtomicInteger();
    private volatile FrameMutator mutator;

    BodyDamagingProxy(int terminalPort) {
        this.terminalPort = terminalPort;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        threads.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Damages the bodies of the terminal's next {@code count} responses with {@code mutator}. */
    void damageResponses(int count, FrameMutator mutator) {
        this.mutator = mutator;
        responsesToDamage.set(count);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket driver = server.accept();
                Socket terminal = new Socket(InetAddress.getLoopbackAddress(), terminalPort);
                sockets.add(driver);
                sockets.add(terminal);
                threads.execute(() -> copy(driver, terminal));
                threads.execute(() -> relayResponses(terminal, driver));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException closed) {
            // either side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void relayResponses(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (String head; (head = readHead(in)) != null; ) {
                byte[] body = in.readNBytes(contentLength(head));
                if (responsesToDamage.getAndUpdate(left -> Math.max(left - 1, 0)) > 0) {
                    body = mutator.mutate(body);
                    head = head.replaceAll("(?im)^content-length:.*$", "content-length: " + body.length);
                }
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            }
        } catch (IOException closed) {
            // the terminal or the driver closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** The status line and headers up to and including the blank line; null at a clean end of stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lastFour = 0;
        while (head.size() < MAX_HEAD) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            lastFour = lastFour << 8 | b;
            if (lastFour == 0x0D0A0D0A) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        throw new IOException("response head over " + MAX_HEAD + " bytes");
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
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
        server.close();
        sockets.forEach(BodyDamagingProxy::closeQuietly);
        threads.shutdownNow();
    }
}
