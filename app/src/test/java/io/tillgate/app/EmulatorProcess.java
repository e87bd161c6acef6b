package io.tillgate.app;

import io.tillgate.app.config.Protocol;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code tillgate emulate PROTOCOL} in a JVM of its own, on a free loopback port. */
public final class EmulatorProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final Protocol protocol;
    private final int port;
    private final Path log;
    private final Process process;

    private EmulatorProcess(Protocol protocol, int port, Path log, Process process) {
        this.protocol = protocol;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts the emulator with fast simulated timing and waits until it accepts connections. */
    public static EmulatorProcess start(Protocol protocol, Path dir, String... extraArguments)
            throws IOException, InterruptedException {
        int port = LoopbackPorts.free();
        Path log = dir.resolve(protocol.configName() + "-emulator.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"),
                TillgateCommand.class.getName(), "emulate", protocol.configName(),
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--speed", "fast"));
        command.addAll(List.of(extraArguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        EmulatorProcess emulator = new EmulatorProcess(protocol, port, log, process);
        emulator.awaitListening();
        return emulator;
    }

    public int port() {
        return port;
    }

    /** The emulator's output so far, for failure messages. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private void awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError(protocol.configName() + " emulator exited with " + process.exitValue()
                        + ":\n" + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError(protocol.configName() + " emulator not listening within "
                            + READY_TIMEOUT + ":\n" + log());
                }
                Thread.sleep(20);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
