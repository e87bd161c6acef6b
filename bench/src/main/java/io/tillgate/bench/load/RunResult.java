package io.tillgate.bench.load;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * What one measured run produced.
 *
 * @param operations transactions (gateway) or round trips (echo) completed in the window
 * @param messages P3 messages on the wire in both directions in the window
 * @param seconds the length of the measured window
 * @param latency per-operation latency, nanoseconds
 * @param errors errors by type over the whole run, warm-up included
 * @param stuck workers still waiting for an answer when the run had to end
 * @param cpu CPU used during the measured window, by this JVM and by the machine
 */
record RunResult(long operations, long messages, double seconds, LatencyHistogram latency, ErrorCounts errors,
                 long stuck, CpuMeter.Usage cpu) {

    /** CPU microseconds this JVM spent per message in the window (client and server side together). */
    double cpuMicrosPerMessage() {
        return cpu.processMicros() / messages;
    }

    /** CPU microseconds this JVM spent per operation in the window. */
    double cpuMicrosPerOperation() {
        return cpu.processMicros() / operations;
    }

    double operationsPerSecond() {
        return operations / seconds;
    }

    double messagesPerSecond() {
        return messages / seconds;
    }

    double percentileMillis(double q) {
        return latency.valueAt(q) / 1e6;
    }

    boolean failed() {
        return !errors.isEmpty() || stuck > 0;
    }

    /** Transactions per second, p99 and CPU per transaction, and errors if there were any: one round's side. */
    String summary() {
        return String.format(Locale.ROOT, "%.0f tx/s, p99 %.1f ms, %.0f CPU us/tx%s", operationsPerSecond(),
                percentileMillis(0.99), cpuMicrosPerOperation(), errors.total() == 0 ? "" : ", errors " + errors);
    }

    /** The median of {@code metric} over {@code runs}. */
    static double median(List<RunResult> runs, ToDoubleFunction<RunResult> metric) {
        List<Double> values = runs.stream().map(metric::applyAsDouble).sorted(Comparator.naturalOrder()).toList();
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }
}
