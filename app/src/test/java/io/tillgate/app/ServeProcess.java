package io.tillgate.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** {@code tillgate serve --config FILE} in a JVM of its own, its output appended to a log file. */
public final class ServeProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final Path log;
    private final Process process;

    private ServeProcess(Path log, Process process) {
        this.log = log;
        this.process = process;
    }

    /**
     * Starts the gateway, with {@code serveOptions} after {@code --config FILE}, and waits until
     * {@code readyPort} on loopback accepts connections.
     */
    public static ServeProcess start(Path config, Path log, int readyPort, String... serveOptions)
            throws IOException, InterruptedException {
        return start(config, log, readyPort, READY_TIMEOUT, serveOptions);
    }

    /** As {@link #start(Path, Path, int, String...)}, waiting at most {@code readyTimeout} (several JVMs starting at once). */
    public static ServeProcess start(Path config, Path log, int readyPort, Duration readyTimeout,
            String... serveOptions) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"),
                TillgateCommand.class.getName(), "serve", "--config", config.toString()));
        command.addAll(List.of(serveOptions));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ServeProcess serve = new ServeProcess(log, process);
        serve.awaitListening(readyPort, readyTimeout);
        return serve;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGHUP, as {@code systemctl reload} sends it: the gateway reads its configuration again. */
    public void hangUp() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -HUP " + process.pid() + " failed");
        }
    }

    /** SIGTERM, as a service manager stops a service. */
    public void terminate() {
        process.destroy();
    }

    /** The exit code once the process ended within {@code timeout}; fails, with the log, if it did not. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the gateway still runs after " + timeout + ":\n" + tail(40));
        }
        return process.exitValue();
    }

    /** Sends a signal by name ({@code STOP}, {@code CONT}, {@code KILL}) with the system's kill command. */
    public void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the log holds a line matching {@code line}; fails, with the log, after {@code timeout}. */
    public String awaitLogLine(Predicate<String> line, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var found = log().lines().filter(line).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no such line in the gateway log within " + timeout + ":\n" + tail(40));
            }
            Thread.sleep(20);
        }
    }

    /** Everything the gateway wrote so far. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    public String tail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private void awaitListening(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("the gateway exited with " + process.exitValue() + ":\n" + tail(40));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("the gateway was not listening within " + timeout + ":\n"
                            + tail(40));
                }
                Thread.sleep(20);
            }
        }
    }

    /** Kills a gateway a test left running. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
