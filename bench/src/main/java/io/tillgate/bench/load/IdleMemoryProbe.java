package io.tillgate.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The honest idle-memory figure: starts {@code tillgate serve} in a child JVM with the default heap
 * settings, waits until it is ready plus a few seconds, and reads the child's VmRSS.
 */
@Command(name = "IdleMemoryProbe", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {
            "Measures the resident memory of an idle gateway in its own JVM.",
            "",
            "Runs 'java [--java-opts] -cp <this classpath> io.tillgate.app.TillgateCommand serve --config <temp>' "
                    + "(or 'java -jar <--app-jar> serve ...'), where the temporary configuration is the embedded "
                    + "default (merchant demo, two simulated terminals, P3 on WebSocket and TCP, the SQLite journal "
                    + "data/journal.db) with both ports 0 (free ports) on 127.0.0.1, run in a scratch directory that "
                    + "is deleted afterwards. No JVM flags are added unless --java-opts says so, so the heap "
                    + "defaults are those of './tillgate serve'. Waits for the 'Tillgate ready' log line, then "
                    + "--wait, then reads VmRSS (and the peak VmHWM) from /proc/<pid>/status, prints it and stops "
                    + "the child. Linux only.",
            ""},
        footer = {"", "Exit codes: 0 measured, 1 over --limit, 2 the gateway did not start.", "",
            "Example:", "  java -cp bench/target/tillgate-bench.jar io.tillgate.bench.load.IdleMemoryProbe"})
public final class IdleMemoryProbe implements Callable<Integer> {

    private static final String READY = "Tillgate ready";

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "5s",
            converter = LoadGenerator.DurationConverter.class,
            description = "How long the gateway idles after it is ready before VmRSS is read (default: "
                    + "${DEFAULT-VALUE}).")
    Duration wait;

    @Option(names = "--java-opts", paramLabel = "OPTS", defaultValue = "-XX:+UseParallelGC",
            description = "JVM options for the child, space separated, e.g. \"-XX:+UseSerialGC -Xmx64m\" "
                    + "(default: ${DEFAULT-VALUE}, what './tillgate serve' uses without TILLGATE_JAVA_OPTS).")
    String javaOpts;

    @Option(names = "--app-jar", paramLabel = "JAR",
            description = "Run 'java -jar JAR serve' (e.g. app/target/tillgate.jar, exactly what ./tillgate runs) "
                    + "instead of this classpath.")
    Path appJar;

    @Option(names = "--limit-mb", paramLabel = "MB", defaultValue = "200",
            description = "The target; the verdict line says PASS or MISS against it (default: ${DEFAULT-VALUE}).")
    int limitMb;

    @Option(names = "--start-timeout", paramLabel = "DURATION", defaultValue = "60s",
            converter = LoadGenerator.DurationConverter.class,
            description = "How long the gateway may take to start (default: ${DEFAULT-VALUE}).")
    Duration startTimeout;

    public static void main(String[] args) {
        System.exit(new CommandLine(new IdleMemoryProbe()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        // The child runs in a scratch directory: the default journal (SQLite, data/journal.db) is created there.
        Path workDir = Files.createTempDirectory("tillgate-idle-probe-");
        Path config = workDir.resolve("tillgate.yaml");
        Process child = null;
        try {
            Files.writeString(config, CONFIG, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            if (!javaOpts.isBlank()) {
                command.addAll(Arrays.asList(javaOpts.trim().split("\\s+")));
            }
            if (appJar != null) {
                command.addAll(List.of("-jar", appJar.toAbsolutePath().toString()));
            } else {
                command.addAll(List.of("-cp", absoluteClasspath(),
                        "io.tillgate.app.TillgateCommand"));
            }
            command.addAll(List.of("serve", "--config", config.toString()));
            System.out.println("starting in " + workDir + ": " + String.join(" ", command).replace(
                    absoluteClasspath(), "<this classpath>"));

            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(workDir.toFile());
            builder.environment().put("TILLGATE_LOG_LEVEL", "INFO"); // the ready line is logged at INFO
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            child = builder.start();
            long started = System.nanoTime();
            CompletableFuture<Void> ready = new CompletableFuture<>();
            Process running = child;
            Thread reader = new Thread(() -> drain(running, ready), "probe-child-output");
            reader.setDaemon(true);
            reader.start();
            try {
                ready.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                System.out.println("the gateway did not log '" + READY + "' within " + LoadGenerator.text(startTimeout)
                        + (child.isAlive() ? "" : " (exited with " + child.exitValue() + ")"));
                return 2;
            }
            double startSeconds = (System.nanoTime() - started) / 1e9;
            Thread.sleep(wait.toMillis());
            String pid = Long.toString(child.pid());
            if (!child.isAlive()) {
                System.out.println("the gateway exited with " + child.exitValue() + " while idle");
                return 2;
            }
            long rss = ProcStatus.kilobytes(pid, "VmRSS");
            long hwm = ProcStatus.kilobytes(pid, "VmHWM");
            long threads = ProcStatus.kilobytes(pid, "Threads");
            double mb = rss / 1024.0;
            System.out.printf(Locale.ROOT, "idle gateway (pid %s, ready after %.1f s, then idle %s): VmRSS %.1f MB, "
                            + "VmHWM %.1f MB, %d threads, JVM options: %s%n", pid, startSeconds,
                    LoadGenerator.text(wait), mb, hwm / 1024.0, threads, javaOpts.isBlank() ? "(defaults)" : javaOpts);
            System.out.printf(Locale.ROOT, "IDLE-RSS-RESULT rss_mb=%.1f hwm_mb=%.1f threads=%d nproc=%d java=%s%n", mb,
                    hwm / 1024.0, threads, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            System.out.printf(Locale.ROOT, "target: idle RSS <= %d MB %s%n", limitMb, mb <= limitMb ? "PASS" : "MISS");
            return mb <= limitMb ? 0 : 1;
        } finally {
            if (child != null) {
                child.destroy();
                if (!child.waitFor(10, TimeUnit.SECONDS)) {
                    child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
            deleteRecursively(workDir);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The classpath with absolute entries, since the child runs in another directory. */
    private static String absoluteClasspath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath().toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static void drain(Process child, CompletableFuture<Void> ready) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!ready.isDone()) {
                    System.out.println("  | " + line);
                }
                if (line.contains(READY)) {
                    ready.complete(null);
                }
            }
        } catch (IOException e) {
            // the child is gone
        }
        ready.completeExceptionally(new IllegalStateException("child output ended"));
    }

    /** The embedded default configuration, on free ports of 127.0.0.1. */
    private static final String CONFIG = String.join("\n",
            "gateway:",
            "  host: 127.0.0.1",
            "  information:",
            "    location: Tillgate idle memory probe",
            "p3:",
            "  websocketPort: 0",
            "  tcpPort: 0",
            "merchants:",
            "  - id: demo",
            "    secret: tillgate-demo-secret",
            "    name: Tillgate Demo Shop",
            "    terminals: [sim-1, sim-2]",
            "terminals:",
            "  - id: sim-1",
            "    name: Simulated terminal 1",
            "    type: simulated",
            "    speed: realistic",
            "  - id: sim-2",
            "    name: Simulated terminal 2",
            "    type: simulated",
            "    speed: realistic",
            "");
}
