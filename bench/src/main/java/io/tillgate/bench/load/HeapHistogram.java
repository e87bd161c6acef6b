package io.tillgate.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live objects of another JVM, by class, from {@code jcmd <pid> GC.class_histogram}, which runs
 * a full collection first: so {@link #totalBytes()} is the heap in use after GC, and the difference
 * of two histograms says which objects a change in load added.
 *
 * @param classes bytes and instances by class name
 */
record HeapHistogram(Map<String, long[]> classes) {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    /** Takes the histogram of the JVM {@code pid} with the JDK's own {@code jcmd}. */
    static HeapHistogram of(String pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), pid, "GC.class_histogram")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(jcmd + " " + pid + " GC.class_histogram failed: " + output);
            }
            Map<String, long[]> classes = new HashMap<>();
            for (String line : output.split("\n")) {
                Matcher row = ROW.matcher(line);
                if (row.find()) {
                    classes.merge(row.group(3), new long[] {Long.parseLong(row.group(2)), Long.parseLong(row.group(1))},
                            (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
                }
            }
            if (classes.isEmpty()) {
                throw new IllegalStateException("no histogram rows from " + jcmd + " " + pid + ": " + output);
            }
            return new HeapHistogram(Map.copyOf(classes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + jcmd + " (a JDK, not a JRE, runs this tool)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for jcmd", e);
        }
    }

    /** Live heap bytes after the collection the histogram ran. */
    long totalBytes() {
        return classes.values().stream().mapToLong(c -> c[0]).sum();
    }

    /**
     * The classes whose bytes grew most from {@code before} to this histogram, as lines of bytes and
     * instances per {@code per} (e.g. per connection added).
     */
    List<String> growthOver(HeapHistogram before, int per, int top) {
        Set<String> names = new HashSet<>(classes.keySet());
        names.addAll(before.classes.keySet());
        List<long[]> deltas = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (String name : names) {
            long[] now = classes.getOrDefault(name, new long[2]);
            long[] then = before.classes.getOrDefault(name, new long[2]);
            deltas.add(new long[] {now[0] - then[0], now[1] - then[1], order.size()});
            order.add(name);
        }
        deltas.sort(Comparator.comparingLong((long[] d) -> -d[0]));
        List<String> lines = new ArrayList<>();
        for (long[] delta : deltas.subList(0, Math.min(top, deltas.size()))) {
            lines.add(String.format(java.util.Locale.ROOT, "%8.1f B %6.2f obj  %s", (double) delta[0] / per,
                    (double) delta[1] / per, order.get((int) delta[2])));
        }
        return lines;
    }
}
