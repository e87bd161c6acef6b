package io.tillgate.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used by this JVM and by the whole machine over a measured window, so a run on a shared,
 * noisy machine says how much CPU it actually had, and the cost per message can be compared even
 * when throughput cannot. Machine figures come from {@code /proc/stat} (Linux); elsewhere they are
 * NaN.
 */
final class CpuMeter {

    private static final double USER_HZ = 100.0; // /proc/stat counts in USER_HZ, 100 on Linux

    private final long processNanos;
    private final long machineBusyTicks;
    private final long wallNanos;

    private CpuMeter(long processNanos, long machineBusyTicks, long wallNanos) {
        this.processNanos = processNanos;
        this.machineBusyTicks = machineBusyTicks;
        this.wallNanos = wallNanos;
    }

    static CpuMeter now() {
        return new CpuMeter(processCpuNanos(), machineBusyTicks(), System.nanoTime());
    }

    /** What happened between this reading and {@code later}. */
    Usage until(CpuMeter later) {
        double seconds = (later.wallNanos - wallNanos) / 1e9;
        double process = (later.processNanos - processNanos) / 1e9 / seconds;
        double machine = machineBusyTicks < 0 || later.machineBusyTicks < 0 ? Double.NaN
                : (later.machineBusyTicks - machineBusyTicks) / USER_HZ / seconds;
        return new Usage(process, machine, (later.processNanos - processNanos) / 1e3);
    }

    /**
     * @param processCores cores this JVM used on average
     * @param machineCores cores the whole machine used on average (this JVM included)
     * @param processMicros CPU time of this JVM in microseconds
     */
    record Usage(double processCores, double machineCores, double processMicros) {
        double otherCores() {
            return Math.max(0, machineCores - processCores);
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static long machineBusyTicks() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
