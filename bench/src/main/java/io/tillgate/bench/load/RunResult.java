package io.tillgate.bench.load;

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
}
