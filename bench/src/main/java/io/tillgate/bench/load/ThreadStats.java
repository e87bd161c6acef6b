package io.tillgate.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the Linux scheduler counted for each thread of this JVM, from {@code /proc/self/task}.
 * Unlike a latency, the switches per transaction do not depend on how fast the machine is this
 * hour: each hand-over that finds the next thread asleep costs one. The time spent waiting for a
 * core tells how crowded the machine was. Threads that have ended are not counted.
 */
final class ThreadStats {

    /**
     * @param voluntary times the thread went to sleep (and so had to be woken again)
     * @param involuntary times the scheduler took the core away from it
     * @param cpuNanos time on a core
     * @param waitNanos time runnable but waiting for a core
     */
    record Counters(long voluntary, long involuntary, long cpuNanos, long waitNanos) {

        static final Counters ZERO = new Counters(0, 0, 0, 0);

        Counters plus(Counters other) {
            return new Counters(voluntary + other.voluntary, involuntary + other.involuntary,
                    cpuNanos + other.cpuNanos, waitNanos + other.waitNanos);
        }

        Counters minus(Counters other) {
            return new Counters(voluntary - other.voluntary, involuntary - other.involuntary,
                    cpuNanos - other.cpuNanos, waitNanos - other.waitNanos);
        }

        long switches() {
            return voluntary + involuntary;
        }
    }

    /** By thread: its name as the kernel keeps it (15 characters at most), {@code #}, its id. */
    private final Map<String, Counters> byThread;

    private ThreadStats(Map<String, Counters> byThread) {
        this.byThread = byThread;
    }

    static ThreadStats now() {
        Map<String, Counters> threads = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    threads.put(Files.readString(task.resolve("comm")).trim() + "#" + task.getFileName(),
                            read(task));
                } catch (IOException ended) {
                    // the thread ended after the listing
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc/self/task (Linux only)", e);
        }
        return new ThreadStats(threads);
    }

    private static Counters read(Path task) throws IOException {
        long voluntary = 0;
        long involuntary = 0;
        for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
                voluntary = number(line);
            } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                involuntary = number(line);
            }
        }
        // schedstat: time on a core, time waiting on a run queue (both ns), time slices
        List<String> times = List.of(Files.readString(task.resolve("schedstat")).trim().split(" "));
        return new Counters(voluntary, involuntary, Long.parseLong(times.get(0)), Long.parseLong(times.get(1)));
    }

    private static long number(String statusLine) {
        return Long.parseLong(statusLine.substring(statusLine.indexOf(':') + 1).trim());
    }

    /** What each thread alive now did since {@code earlier}. */
    Map<String, Counters> since(ThreadStats earlier) {
        Map<String, Counters> deltas = new TreeMap<>();
        byThread.forEach((thread, counters) -> deltas.put(thread,
                counters.minus(earlier.byThread.getOrDefault(thread, Counters.ZERO))));
        return deltas;
    }

    /** All threads together since {@code earlier}. */
    Counters totalSince(ThreadStats earlier) {
        return since(earlier).values().stream().reduce(Counters.ZERO, Counters::plus);
    }
}
