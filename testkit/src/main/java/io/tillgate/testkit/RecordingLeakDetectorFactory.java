package io.tillgate.testkit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Makes Netty's leak detectors keep what they find, so that a test can fail on it rather than leave
 * a log line nobody reads. Netty asks its factory for a detector once per resource type, when that
 * type's class is first initialised: this factory must therefore be installed before the first
 * buffer is allocated in the JVM, and {@link #install()} checks that it was.
 */
final class RecordingLeakDetectorFactory extends ResourceLeakDetectorFactory {

    private static final Queue<String> LEAKS = new ConcurrentLinkedQueue<>();
    private static final Set<Class<?>> TRACKED = ConcurrentHashMap.newKeySet();
    private static boolean installed;

    private RecordingLeakDetectorFactory() {
    }

    /**
     * Installs the factory and tracks every buffer allocated from now on.
     *
     * @throws IllegalStateException if Netty's buffer leak detector already existed, so leaks of
     *     buffers would go unseen
     */
    static synchronized void install() {
        if (installed) {
            return;
        }
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingLeakDetectorFactory());
        installed = true;
        lookForLeaks();
        if (!TRACKED.contains(ByteBuf.class)) {
            throw new IllegalStateException("Netty created its ByteBuf leak detector before the leak guard was "
                    + "installed; the guard must run before any test touches a buffer");
        }
    }

    /**
     * Makes the buffer leak detector report what the collector has found so far: it looks at each
     * allocation of a tracked buffer (unpooled heap buffers are never tracked; direct ones are).
     */
    static void lookForLeaks() {
        Unpooled.directBuffer(1).release();
    }

    /** The leaks reported since the last call, oldest first. */
    static List<String> drain() {
        List<String> leaks = new ArrayList<>();
        for (String leak; (leak = LEAKS.poll()) != null; ) {
            leaks.add(leak);
        }
        return leaks;
    }

    @Override
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
            long maxActive) {
        TRACKED.add(resource);
        return new RecordingDetector<>(resource, samplingInterval);
    }

    /** Reports as Netty does (a log line), and keeps the report. */
    private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {

        RecordingDetector(Class<T> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        protected boolean needReport() {
            return true; // whatever the log level: a leak must reach the test
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            LEAKS.add(resourceType + " was garbage-collected without release()." + records);
            super.reportTracedLeak(resourceType, records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            LEAKS.add(resourceType + " was garbage-collected without release() (no access records).");
            super.reportUntracedLeak(resourceType);
        }
    }
}
