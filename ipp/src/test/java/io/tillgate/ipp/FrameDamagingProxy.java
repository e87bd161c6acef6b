package io.tillgate.ipp;

import io.tillgate.testkit.FrameMutator;
import java.io.DataInputStream;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback man in the middle between the IPP driver and a terminal: relays every byte, except
 * that it can replace one frame the terminal sends with a damaged copy (the damage may change the
 * frame's length, so what follows may be misread too, as on a corrupted line).
 */
final class FrameDamagingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress terminal;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "ipp-damaging-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** Terminal frames still to relay intact before the damaged one; negative: none is damaged. */
    private final AtomicInteger framesBeforeDamage = new AtomicInteger(-1);
    private volatile FrameMutator mutator;

    FrameDamagingProxy(InetSocketAddress terminal) throws IOException {
        this.terminal = terminal;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Damages the terminal's frame {@code index} (0: the next one it sends) with {@code mutator}. */
    void damageFrame(int index, FrameMutator mutator) {
        this.mutator = mutator;
        framesBeforeDamage.set(index);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket driver = server.accept();
                Socket upstream = new Socket(terminal.getAddress(), terminal.getPort());
                sockets.add(driver);
                sockets.add(upstream);
                threads.execute(() -> copy(driver, upstream));
                threads.execute(() -> relayFrames(upstream, driver));
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

    private void relayFrames(Socket from, Socket to) {
        try (DataInputStream in = new DataInputStream(from.getInputStream()); OutputStream out = to.getOutputStream()) {
            while (true) {
                int length = in.readUnsignedShort();
                byte[] frame = new byte[Math.max(length, 2)];
                frame[0] = (byte) (length >>> 8);
                frame[1] = (byte) length;
                in.readFully(frame, 2, frame.length - 2);
                out.write(framesBeforeDamage.getAndDecrement() == 0 ? mutator.mutate(frame) : frame);
                out.flush();
            }
        } catch (IOException closed) {
            // the terminal or the driver closed (EOF at a frame boundary or inside one)
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
        server.close();
        sockets.forEach(FrameDamagingProxy::closeQuietly);
        threads.shutdownNow();
    }
}
