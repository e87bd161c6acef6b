package io.tillgate.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for a gateway or emulator that a test starts in a process of its own, which must
 * be told its port before it binds it.
 *
 * <p>A port the kernel hands out for {@code bind(0)} comes from its ephemeral range (32768–60999 on
 * Linux), the same range every outgoing connection takes its local port from: between the test
 * closing its probe socket and the child binding the port, another process's connection could take
 * it ("port already in use"). These ports come from below that range, where only an explicit bind
 * lands, and are never handed out twice in one test JVM.
 */
public final class LoopbackPorts {

    private static final int LOWEST = 20_000;
    private static final int ABOVE_HIGHEST = 32_000;
    private static final int ATTEMPTS = 200;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private LoopbackPorts() {
    }

    /** A loopback port nothing listens on now, not handed out before by this JVM. */
    public static int free() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, ABOVE_HIGHEST);
            if (HANDED_OUT.add(port)) {
                if (bindable(port)) {
                    return port;
                }
            }
        }
        throw new UncheckedIOException(new IOException("no free loopback port between " + LOWEST + " and "
                + (ABOVE_HIGHEST - 1) + " after " + ATTEMPTS + " attempts"));
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
