package io.tillgate.bench.load;

import java.time.Duration;

/**
 * The time line of one run: warm-up from {@code start}, then the measured window
 * [{@code measureStart}, {@code end}). Workers stop issuing at {@code end}; an operation counts
 * when it both started and finished inside the measured window.
 */
final class Window {

    final long start;
    final long measureStart;
    final long end;

    Window(Duration warmup, Duration duration) {
        this.start = System.nanoTime();
        this.measureStart = start + warmup.toNanos();
        this.end = measureStart + duration.toNanos();
    }

    /**
     * Sleeps through the window and returns the CPU used during its measured part, with the stalls
     * {@code stallMeter} saw meanwhile.
     */
    CpuMeter.Usage meterCpu(StallMeter stallMeter) throws InterruptedException {
        sleepUntil(measureStart);
        stallMeter.start();
        CpuMeter first = CpuMeter.now();
        sleepUntil(end);
        CpuMeter.Usage usage = first.until(CpuMeter.now());
        return usage.withStalls(stallMeter.stop());
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    boolean over(long now) {
        return now - end >= 0;
    }

    boolean measured(long startedAt, long finishedAt) {
        return startedAt - measureStart >= 0 && finishedAt - end < 0;
    }

    double measuredSeconds() {
        return (end - measureStart) / 1e9;
    }
}
