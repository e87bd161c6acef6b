package io.tillgate.bench.load;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code tillgate serve} in a child JVM, so its memory is measured apart from the tool's: started in
 * a scratch directory (deleted on close) with a given configuration, its log echoed until the
 * {@code Tillgate ready} line, and stopped with SIGTERM on close. Linux only (callers read /proc).
 */
final class ChildGateway implements AutoCloseable {

    private static final String READY = "Tillgate ready";
    private static final Pattern WEBSOCKET = Pattern.compile("P3 PayServer listening on (wss?://\\S+/p3)");

    private final Process process;
    private final Path workDir;
    private final URI webSocket;
    private final double startSeconds;

    private ChildGateway(Process process, Path workDir, URI webSocket, double startSeconds) {
        this.process = process;
        this.workDir = workDir;
        this.webSocket = webSocket;
        this.startSeconds = startSeconds;
    }

    /**
     * Starts {@code java [javaOpts] -cp <this classpath> io.tillgate.app.TillgateCommand serve --config <config>}
     * (or {@code java -jar appJar serve …}) and waits until it is ready.
     *
     * @throws IllegalStateException if it is not ready within {@code startTimeout}
     */
    static ChildGateway start(String config, String javaOpts, Path appJar, Duration startTimeout) throws IOException {
        Path workDir = Files.createTempDirectory("tillgate-child-");
        Path configFile = workDir.resolve("tillgate.yaml");
        Files.writeString(configFile, config, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (!javaOpts.isBlank()) {
            command.addAll(Arrays.asList(javaOpts.trim().split("\\s+")));
        }
        String classpath = absoluteClasspath();
        if (appJar != null) {
            command.addAll(List.of("-jar", appJar.toAbsolutePath().toString()));
        } else {
            command.addAll(List.of("-cp", classpath, "io.tillgate.app.TillgateCommand"));
        }
        command.addAll(List.of("serve", "--config", configFile.toString()));
        System.out.println("starting in " + workDir + ": " + String.join(" ", command).replace(classpath,
                "<this classpath>"));

        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(workDir.toFile());
        builder.environment().put("TILLGATE_LOG_LEVEL", "INFO"); // the ready line is logged at INFO
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        long started = System.nanoTime();
        Process process = builder.start();
        CompletableFuture<URI> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> echoUntilReady(process, ready), "child-gateway-output");
        reader.setDaemon(true);
        reader.start();
        try {
            URI webSocket = ready.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new ChildGateway(process, workDir, webSocket, (System.nanoTime() - started) / 1e9);
        } catch (Exception e) {
            stop(process);
            deleteRecursively(workDir);
            throw new IllegalStateException("the gateway did not log '" + READY + "' within "
                    + LoadGenerator.text(startTimeout) + (process.isAlive() ? "" : " (exited with "
                    + process.exitValue() + ")"), e);
        }
    }

    String pid() {
        return Long.toString(process.pid());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** The P3 WebSocket URL the gateway logged, or {@code null} if it runs no P3 listener. */
    URI webSocket() {
        return webSocket;
    }

    double startSeconds() {
        return startSeconds;
    }

    @Override
    public void close() throws IOException {
        stop(process);
        deleteRecursively(workDir);
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Echoes the child's output until it is ready, then reads on silently so it never blocks on a full pipe. */
    private static void echoUntilReady(Process child, CompletableFuture<URI> ready) {
        URI webSocket = null;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!ready.isDone()) {
                    System.out.println("  | " + line);
                    Matcher listening = WEBSOCKET.matcher(line);
                    if (listening.find()) {
                        webSocket = URI.create(listening.group(1));
                    }
                    if (line.contains(READY)) {
                        ready.complete(webSocket);
                    }
                } else if (line.contains("WARN") || line.contains("ERROR")) {
                    System.out.println("  | " + line);
                }
            }
        } catch (IOException e) {
            // the child is gone
        }
        ready.completeExceptionally(new IllegalStateException("child output ended"));
    }

    /** The classpath with absolute entries, since the child runs in another directory. */
    private static String absoluteClasspath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
