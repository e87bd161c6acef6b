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

    /** The load generator's PayClients run on these threads; the rest of the JVM is the gateway. */
    private static final String CLIENT_THREAD_PREFIX = "load-client";

    private final long processNanos;
    private final long machineBusyTicks;
    private final long wallNanos;
    private final java.util.Map<Long, Long> allocatedByThread;
    private final java.util.Set<Long> clientThreads;
    private final long gcMillis;

    private CpuMeter(long processNanos, long machineBusyTicks, long wallNanos, java.util.Map<Long, Long> allocated,
                     java.util.Set<Long> clientThreads, long gcMillis) {
        this.processNanos = processNanos;
        this.machineBusyTicks = machineBusyTicks;
        this.wallNanos = wallNanos;
        this.allocatedByThread = allocated;
        this.clientThreads = clientThreads;
        this.gcMillis = gcMillis;
    }

    static CpuMeter now() {
        java.util.Map<Long, Long> allocated = allocatedByThread();
        return new CpuMeter(processCpuNanos(), machineBusyTicks(), System.nanoTime(), allocated,
                clientThreads(allocated.keySet()), gcMillis());
    }

    /** What happened between this reading and {@code later}. */
    Usage until(CpuMeter later) {
        double seconds = (later.wallNanos - wallNanos) / 1e9;
        double process = (later.processNanos - processNanos) / 1e9 / seconds;
        double machine = machineBusyTicks < 0 || later.machineBusyTicks < 0 ? Double.NaN
                : (later.machineBusyTicks - machineBusyTicks) / USER_HZ / seconds;
        long allocated = 0;
        long byClients = 0;
        for (java.util.Map.Entry<Long, Long> entry : later.allocatedByThread.entrySet()) {
            long bytes = entry.getValue() - allocatedByThread.getOrDefault(entry.getKey(), 0L);
            allocated += bytes;
            if (later.clientThreads.contains(entry.getKey())) {
                byClients += bytes;
            }
        }
        return new Usage(process, machine, (later.processNanos - processNanos) / 1e3, allocated, byClients,
                later.gcMillis - gcMillis, null);
    }

    /**
     * @param processCores cores this JVM used on average
     * @param machineCores cores the whole machine used on average (this JVM included)
     * @param processMicros CPU time of this JVM in microseconds
     * @param allocatedBytes heap allocated by this JVM's threads (those alive at the end)
     * @param clientAllocatedBytes the part of it allocated by the load generator's PayClients' threads
     * @param gcMillis time the garbage collectors reported (pauses and concurrent work)
     * @param stalls oversleeps of a 1 ms sleeper in nanoseconds (see {@link StallMeter}), or null
     */
    record Usage(double processCores, double machineCores, double processMicros, long allocatedBytes,
                 long clientAllocatedBytes, long gcMillis, LatencyHistogram stalls) {

        Usage withStalls(LatencyHistogram value) {
            return new Usage(processCores, machineCores, processMicros, allocatedBytes, clientAllocatedBytes, gcMillis,
                    value);
        }

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

    private static java.util.Map<Long, Long> allocatedByThread() {
        java.util.Map<Long, Long> result = new java.util.HashMap<>();
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
            long[] ids = threads.getAllThreadIds();
            long[] bytes = threads.getThreadAllocatedBytes(ids);
            for (int i = 0; i < ids.length; i++) {
                if (bytes[i] >= 0) {
                    result.put(ids[i], bytes[i]);
                }
            }
        }
        return result;
    }

    private static java.util.Set<Long> clientThreads(java.util.Set<Long> ids) {
        java.util.Set<Long> clients = new java.util.HashSet<>();
        long[] all = ids.stream().mapToLong(Long::longValue).toArray();
        for (java.lang.management.ThreadInfo info : ManagementFactory.getThreadMXBean().getThreadInfo(all)) {
            if (info != null && info.getThreadName().startsWith(CLIENT_THREAD_PREFIX)) {
                clients.add(info.getThreadId());
            }
        }
        return clients;
    }

    private static long gcMillis() {
        long total = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
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
