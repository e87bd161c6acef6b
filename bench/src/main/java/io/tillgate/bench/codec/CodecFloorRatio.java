package io.tillgate.bench.codec;

import io.tillgate.bench.nexo.NexoCodecBenchmark;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * A codec's {@code decodeThenEncode} against its library floor ({@code staxEventsOnly} for nexo,
 * {@code jacksonTokensOnly} for P3) by the CPU time this thread spends on each, in alternating
 * batches in one JVM. JMH's throughput needs the core to itself; on a shared machine whose other
 * processes take most of both cores its two benchmarks, run minutes apart, meet different loads. CPU
 * time per operation does not count the time the thread waited for a core, and alternating batches
 * meet the same load, so their ratio holds where the throughputs do not.
 *
 * <p>{@code java -XX:+UseParallelGC -cp bench/target/tillgate-bench.jar io.tillgate.bench.codec.CodecFloorRatio
 * [nexo|p3] [rounds] [operations per batch]}: warms both up, then prints each round and the medians.
 */
public final class CodecFloorRatio {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CodecFloorRatio() {
    }

    public static void main(String[] args) throws Exception {
        String codec = args.length > 0 ? args[0] : "nexo";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        Callable<Object> measured;
        Callable<Object> floor;
        if (codec.equals("nexo")) {
            NexoCodecBenchmark state = new NexoCodecBenchmark();
            state.setUp();
            measured = state::decodeThenEncode;
            floor = state::staxEventsOnly;
        } else if (codec.equals("p3")) {
            P3CodecBenchmark state = new P3CodecBenchmark();
            state.setUp();
            measured = state::decodeThenEncode;
            floor = state::jacksonTokensOnly;
        } else {
            throw new IllegalArgumentException("codec must be nexo or p3, was " + codec);
        }
        for (int i = 0; i < 10; i++) {
            cpuNanosPerOp(measured, batch);
            cpuNanosPerOp(floor, batch);
        }
        double[] codecRate = new double[rounds];
        double[] floorRate = new double[rounds];
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            // alternate which goes first, so neither always follows the other's garbage
            double codecNanos;
            double floorNanos;
            if (r % 2 == 0) {
                codecNanos = cpuNanosPerOp(measured, batch);
                floorNanos = cpuNanosPerOp(floor, batch);
            } else {
                floorNanos = cpuNanosPerOp(floor, batch);
                codecNanos = cpuNanosPerOp(measured, batch);
            }
            codecRate[r] = 1e9 / codecNanos;
            floorRate[r] = 1e9 / floorNanos;
            ratio[r] = floorNanos / codecNanos;
            System.out.printf("round %2d: codec %,8.0f ops per CPU-second, floor %,8.0f, codec at %5.1f %% of the floor%n",
                    r + 1, codecRate[r], floorRate[r], 100 * ratio[r]);
        }
        System.out.printf("%s, median of %d rounds of %,d operations: codec %,.0f ops per CPU-second, floor %,.0f, "
                + "codec at %.1f %% of the floor (rounds %.1f–%.1f %%)%n", codec, rounds, batch, median(codecRate),
                median(floorRate), 100 * median(ratio), 100 * Arrays.stream(ratio).min().orElseThrow(),
                100 * Arrays.stream(ratio).max().orElseThrow());
    }

    private static double cpuNanosPerOp(Callable<Object> operation, int count) throws Exception {
        int sink = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < count; i++) {
            sink += System.identityHashCode(operation.call());
        }
        long spent = THREADS.getCurrentThreadCpuTime() - start;
        if (sink == 42) {
            System.out.print("");
        }
        return (double) spent / count;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
