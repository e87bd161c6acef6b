package io.tillgate.bench.load;

import java.util.concurrent.TimeUnit;

/**
 * A jHiccup-style probe: a thread that asks to sleep 1 ms over and over and records how much
 * longer each sleep took. Those stalls are what the platform (GC pauses, a CPU taken by other
 * processes, safepoints) adds to every latency in the same window, so a run's p99 can be told
 * apart from the gateway's own queueing.
 */
final class StallMeter implements AutoCloseable {

    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean recording;
    private LatencyHistogram stalls = new LatencyHistogram();

    StallMeter() {
        thread = new Thread(this::loop, "load-stall-meter");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    /** Starts a new recording, dropping the previous one. */
    synchronized void start() {
        stalls = new LatencyHistogram();
        recording = true;
    }

    /** Ends the recording and returns the oversleep histogram (nanoseconds). */
    synchronized LatencyHistogram stop() {
        recording = false;
        return stalls;
    }

    private void loop() {
        while (running) {
            long before = System.nanoTime();
            try {
                TimeUnit.NANOSECONDS.sleep(INTERVAL_NANOS);
            } catch (InterruptedException e) {
                return;
            }
            long over = System.nanoTime() - before - INTERVAL_NANOS;
            if (recording) {
                synchronized (this) {
                    stalls.record(over);
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
