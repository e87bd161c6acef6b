package io.tillgate.ipp;

import io.tillgate.testkit.FrameMutator;
import io.tillgate.testkit.LoopbackProxy;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Between the IPP driver and a terminal: relays every byte, except that it can replace one frame
 * the terminal sends with a damaged copy (the damage may change the frame's length, so what
 * follows may be misread too, as on a corrupted line).
 */
final class FrameDamagingProxy implements AutoCloseable {

    private final LoopbackProxy proxy;
    /** Terminal frames still to relay intact before the damaged one; negative: none is damaged. */
    private final AtomicInteger framesBeforeDamage = new AtomicInteger(-1);
    private volatile FrameMutator mutator;

    FrameDamagingProxy(InetSocketAddress terminal) throws IOException {
        proxy = new LoopbackProxy(terminal, this::relayFrames);
    }

    int port() {
        return proxy.port();
    }

    /** Damages the terminal's frame {@code index} (0: the next one it sends) with {@code mutator}. */
    void damageFrame(int index, FrameMutator mutator) {
        this.mutator = mutator;
        framesBeforeDamage.set(index);
    }

    private void relayFrames(InputStream fromTerminal, OutputStream toDriver) throws IOException {
        DataInputStream in = new DataInputStream(fromTerminal);
        while (true) {
            int length = in.readUnsignedShort();
            byte[] frame = new byte[Math.max(length, 2)];
            frame[0] = (byte) (length >>> 8);
            frame[1] = (byte) length;
            in.readFully(frame, 2, frame.length - 2);
            toDriver.write(framesBeforeDamage.getAndDecrement() == 0 ? mutator.mutate(frame) : frame);
            toDriver.flush();
        }
    }

    @Override
    public void close() throws IOException {
        proxy.close();
    }
}
