package io.tillgate.nexo.driver;

import io.tillgate.testkit.FrameMutator;
import io.tillgate.testkit.LoopbackProxy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Between the nexo driver and a terminal: relays every HTTP exchange, except that it can replace
 * the bodies of the terminal's next responses with damaged copies. The Content-Length is
 * corrected, so the HTTP stays valid and only the nexo documents are damaged.
 */
final class BodyDamagingProxy implements AutoCloseable {

    private static final int MAX_HEAD = 8 * 1024;

    private final LoopbackProxy proxy;
    /** How many of the terminal's next responses to damage. */
    private final AtomicInteger responsesToDamage = new AtomicInteger();
    private volatile FrameMutator mutator;

    BodyDamagingProxy(int terminalPort) {
        try {
            proxy = new LoopbackProxy(new InetSocketAddress(InetAddress.getLoopbackAddress(), terminalPort),
                    this::relayResponses);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return proxy.port();
    }

    /** Damages the bodies of the terminal's next {@code count} responses with {@code mutator}. */
    void damageResponses(int count, FrameMutator mutator) {
        this.mutator = mutator;
        responsesToDamage.set(count);
    }

    private void relayResponses(InputStream fromTerminal, OutputStream toDriver) throws IOException {
        for (String head; (head = readHead(fromTerminal)) != null; ) {
            byte[] body = fromTerminal.readNBytes(contentLength(head));
            if (responsesToDamage.getAndUpdate(left -> Math.max(left - 1, 0)) > 0) {
                body = mutator.mutate(body);
                head = head.replaceAll("(?im)^content-length:.*$", "content-length: " + body.length);
            }
            toDriver.write(head.getBytes(StandardCharsets.ISO_8859_1));
            toDriver.write(body);
            toDriver.flush();
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

    @Override
    public void close() throws IOException {
        proxy.close();
    }
}
