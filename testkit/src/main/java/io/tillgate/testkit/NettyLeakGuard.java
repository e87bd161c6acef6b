package io.tillgate.testkit;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class after which a Netty buffer was garbage-collected without being released.
 *
 * <p>Every pooled or direct buffer is tracked (Netty's {@code PARANOID} level; unpooled heap
 * buffers need no release to be reclaimed). After the class's last test the guard collects
 * garbage and allocates a buffer, which makes Netty's detector look at what the collector found;
 * any leak it reports fails the class with Netty's access records, which say where the buffer was
 * last touched. A leak that only shows after its class has ended (a connection closed
 * asynchronously) fails the next class to finish.
 *
 * <p>Registered through {@code META-INF/services}; the parent POM turns on JUnit's extension
 * auto-detection, so every test class of a module that depends on this one is guarded.
 */
public final class NettyLeakGuard implements BeforeAllCallback, AfterAllCallback {

    /** Collections and look-ups before the guard settles: the reference handler enqueues after GC. */
    private static final int ROUNDS = 3;
    private static final long PAUSE_MILLIS = 5;

    @Override
    public void beforeAll(ExtensionContext context) {
        RecordingLeakDetectorFactory.install();
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        assertNoLeaks(context.getDisplayName());
    }

    /** Fails naming {@code where} if a tracked resource was collected unreleased since the last check. */
    static void assertNoLeaks(String where) throws InterruptedException {
        for (int round = 0; round < ROUNDS; round++) {
            System.gc();
            Thread.sleep(PAUSE_MILLIS);
            RecordingLeakDetectorFactory.lookForLeaks();
        }
        List<String> leaks = RecordingLeakDetectorFactory.drain();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty resource(s) leaked by the end of "
                    + where + ":\n" + String.join("\n", leaks));
        }
    }
}
