package io.tillgate.transport.internal;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A WARN line per refusal would let a flood of connections flood the log too: the first refusal of
 * each period is logged as it happens, the others are counted and reported with the next one.
 */
public final class ThrottledLog {

    private static final long PERIOD_NANOS = 10_000_000_000L;

    private final Logger log;
    private final AtomicLong periodStart = new AtomicLong(System.nanoTime() - PERIOD_NANOS);
    private final AtomicLong suppressed = new AtomicLong();

    public ThrottledLog(Logger log) {
        this.log = log;
    }

    /** Logs {@code message} (an SLF4J pattern) unless one was logged in the last ten seconds. */
    public void warn(String message, Object... arguments) {
        long now = System.nanoTime();
        long start = periodStart.get();
        if (now - start < PERIOD_NANOS || !periodStart.compareAndSet(start, now)) {
            suppressed.incrementAndGet();
            return;
        }
        long others = suppressed.getAndSet(0);
        if (others == 0) {
            log.warn(message, arguments);
        } else {
            Object[] withCount = Arrays.copyOf(arguments, arguments.length + 1);
            withCount[arguments.length] = others;
            log.warn(message + " ({} more such refusals in the last ten seconds)", withCount);
        }
    }
}
