package io.tillgate.bench.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code java -jar tillgate.jar …} process (a gateway node or the terminal emulators), its
 * output appended to a log file that outlives it, so a node killed and started again keeps one log.
 * Linux only: CPU time is read from {@code /proc/PID/stat}.
 */
final class ChildJvm {

    private static final double USER_HZ = 100.0;

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code java javaOptions -jar appJar arguments} in {@code workDir} and waits until every
     * one of {@code readyPorts} on loopback accepts connections.
     */
    static ChildJvm start(Path appJar, String javaOptions, List<String> arguments, Path workDir, Path log,
                          String logLevel, List<Integer> readyPorts, Duration timeout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (!javaOptions.isBlank()) {
            command.addAll(Arrays.asList(javaOptions.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", appJar.toAbsolutePath().toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("TILLGATE_LOG_LEVEL", logLevel);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        ChildJvm child = new ChildJvm(builder.start(), log);
        try {
            for (int port : readyPorts) {
                child.awaitListening(port, timeout);
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            child.kill();
            throw e;
        }
        return child;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no lease released. Waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, a graceful stop; kills it if it is still there after {@code timeout}. */
    void stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    /** User and system CPU seconds the process has used so far; NaN once it is gone. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state is field 3 of stat(5), utime 14 and stime 15
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / USER_HZ;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The last {@code lines} lines of the log. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private void awaitListening(int port, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("exited with " + process.exitValue() + " before listening on " + port + ":\n"
                        + tail(30));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IOException("not listening on " + port + " within " + timeout + ":\n" + tail(30));
                }
                Thread.sleep(50);
            }
        }
    }

    /** A port free right now on loopback (the child binds it moments later). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
