package io.tillgate.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
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
        ChildGateway child;
        try {
            child = ChildGateway.start(CONFIG, javaOpts, appJar, startTimeout);
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
            return 2;
        }
        try (child) {
            Thread.sleep(wait.toMillis());
            if (!child.isAlive()) {
                System.out.println("the gateway exited with " + child.exitValue() + " while idle");
                return 2;
            }
            String pid = child.pid();
            long rss = ProcStatus.kilobytes(pid, "VmRSS");
            long hwm = ProcStatus.kilobytes(pid, "VmHWM");
            long threads = ProcStatus.kilobytes(pid, "Threads");
            double mb = rss / 1024.0;
            System.out.printf(Locale.ROOT, "idle gateway (pid %s, ready after %.1f s, then idle %s): VmRSS %.1f MB, "
                            + "VmHWM %.1f MB, %d threads, JVM options: %s%n", pid, child.startSeconds(),
                    LoadGenerator.text(wait), mb, hwm / 1024.0, threads, javaOpts.isBlank() ? "(defaults)" : javaOpts);
            System.out.printf(Locale.ROOT, "IDLE-RSS-RESULT rss_mb=%.1f hwm_mb=%.1f threads=%d nproc=%d java=%s%n", mb,
                    hwm / 1024.0, threads, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            System.out.printf(Locale.ROOT, "target: idle RSS <= %d MB %s%n", limitMb, mb <= limitMb ? "PASS" : "MISS");
            return mb <= limitMb ? 0 : 1;
        }
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
