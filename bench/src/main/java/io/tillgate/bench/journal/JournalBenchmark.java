package io.tillgate.bench.journal;

import io.tillgate.journal.JdbcJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Journal write throughput on SQLite with {@code synchronous=FULL}: group commit against one commit
 * per write, measured alternately in the same run, so the ratio does not depend on the disk.
 */
@Command(name = "JournalBenchmark", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {
            "Durable journal writes per second on SQLite (WAL, synchronous=FULL: one fsync per commit).",
            "",
            "W writer threads each run transactions through their journal life: insert (CREATED), then SENT, "
                    + "IN_PROGRESS and APPROVED with a full outcome, each write awaited until durable before the "
                    + "next. Every write is one durable state transition (the row and its history event).",
            "",
            "GROUP: the journal as shipped (one writer thread, up to " + JdbcJournal.DEFAULT_BATCH_LIMIT
                    + " writes per commit). SINGLE: the same journal with a batch limit of 1 (one commit, one "
                    + "fsync per write). Each round runs both on fresh files; the MEDIAN line is what to quote."},
        footer = {"",
            "Exit codes: 0 success, 1 write errors, 2 bad arguments.",
            "",
            "Example:",
            "  java -cp bench/target/tillgate-bench.jar io.tillgate.bench.journal.JournalBenchmark --writers 64"})
public final class JournalBenchmark implements Callable<Integer> {

    static {
        if (System.getProperty("TILLGATE_LOG_LEVEL") == null) {
            System.setProperty("TILLGATE_LOG_LEVEL", "WARN");
        }
    }

    @Option(names = "--writers", paramLabel = "W", defaultValue = "64",
            description = "Concurrent writer threads, one write outstanding each (default: ${DEFAULT-VALUE}).")
    int writers;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "5",
            description = "Measured seconds per mode per round (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "2",
            description = "Unmeasured seconds before each measurement (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "3",
            description = "Rounds of group then single (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--ids", paramLabel = "random|time-ordered", defaultValue = "time-ordered",
            description = "Transaction ids: time-ordered (48-bit milliseconds first, as the gateway makes them), "
                    + "which keeps index inserts on few pages, or 128 random bits for comparison "
                    + "(default: ${DEFAULT-VALUE}).")
    String ids;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Folder for the database files, on the disk to measure (default: a new temporary folder).")
    Path dir;

    public static void main(String[] args) {
        System.exit(new CommandLine(new JournalBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (writers < 1 || seconds < 1 || warmupSeconds < 0 || rounds < 1
                || !List.of("random", "time-ordered").contains(ids)) {
            System.err.println("--writers, --seconds and --rounds must be positive, --warmup-seconds not negative, "
                    + "--ids random or time-ordered");
            return 2;
        }
        Path folder = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("tillgate-journal-bench");
        System.out.printf(Locale.ROOT, "journal benchmark: SQLite WAL synchronous=FULL in %s, %d writers, %s ids, "
                + "%d s x %d rounds (+%d s warm-up each)%n", folder, writers, ids, seconds, rounds, warmupSeconds);
        JournalRun run = new JournalRun(writers, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(seconds),
                ids.equals("time-ordered"));
        List<JournalRun.Result> group = new ArrayList<>();
        List<JournalRun.Result> single = new ArrayList<>();
        long errors = 0;
        try {
            for (int round = 1; round <= rounds; round++) {
                JournalRun.Result g = run.run("group", folder.resolve("group-" + round + ".db"),
                        JdbcJournal.DEFAULT_BATCH_LIMIT);
                print("round " + round, g);
                JournalRun.Result s = run.run("single", folder.resolve("single-" + round + ".db"), 1);
                print("round " + round, s);
                group.add(g);
                single.add(s);
                errors += g.errors() + s.errors();
            }
        } finally {
            if (dir == null) {
                deleteRecursively(folder);
            }
        }
        double groupRate = median(group, JournalRun.Result::writesPerSecond);
        double singleRate = median(single, JournalRun.Result::writesPerSecond);
        System.out.printf(Locale.ROOT, "MEDIAN group  %,10.0f transitions/s %,8.0f commits/s (%,.0f transactions/s)%n",
                groupRate, median(group, JournalRun.Result::commitsPerSecond),
                groupRate / JournalRun.WRITES_PER_TRANSACTION);
        System.out.printf(Locale.ROOT, "MEDIAN single %,10.0f transitions/s %,8.0f commits/s (%,.0f transactions/s)%n",
                singleRate, median(single, JournalRun.Result::commitsPerSecond),
                singleRate / JournalRun.WRITES_PER_TRANSACTION);
        System.out.printf(Locale.ROOT, "MEDIAN ratio group/single %.1fx%n", groupRate / singleRate);
        System.out.printf(Locale.ROOT, "MEDIAN-RESULT group_tps=%.0f single_tps=%.0f ratio=%.2f errors=%d%n",
                groupRate, singleRate, groupRate / singleRate, errors);
        if (errors > 0) {
            System.out.println("ERRORS " + errors);
            return 1;
        }
        return 0;
    }

    private static void print(String label, JournalRun.Result result) {
        System.out.printf(Locale.ROOT, "%s %-6s %,10.0f transitions/s %,8.0f commits/s %6.1f writes/commit%s%n",
                label, result.mode(), result.writesPerSecond(), result.commitsPerSecond(), result.writesPerCommit(),
                result.errors() > 0 ? " ERRORS " + result.errors() : "");
    }

    private static double median(List<JournalRun.Result> results, ToDoubleFunction<JournalRun.Result> metric) {
        double[] values = results.stream().mapToDouble(metric).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
