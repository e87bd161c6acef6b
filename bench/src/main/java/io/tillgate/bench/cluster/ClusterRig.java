package io.tillgate.bench.cluster;

import io.tillgate.journal.JournalSettings;
import io.tillgate.journal.cluster.ClusterStatus;
import io.tillgate.journal.cluster.Rendezvous;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Gateway nodes ({@code tillgate serve}, one JVM each, from the app jar) on a PostgreSQL database of
 * the run's own, and, when some terminals are IPP or nexo, one more JVM that emulates those
 * terminals: a {@code tillgate serve} whose simulated terminals sit behind IPP and nexo front-ends,
 * as {@code tillgate emulate} runs one. The emulators never die with a node, so a terminal's
 * payment survives a {@code kill -9} of the node driving it and its next holder can ask the
 * terminal for the outcome.
 */
final class ClusterRig implements AutoCloseable {

    static final String MERCHANT = "chain";

    /** A terminal of the merchant: simulated inside the nodes, or emulated in the emulator JVM. */
    enum Kind { SIMULATED, IPP, NEXO }

    record Terminal(String id, Kind kind) {
    }

    /**
     * @param appJar the shaded {@code tillgate.jar}
     * @param javaOptions options of every child JVM
     * @param logLevel the children's {@code TILLGATE_LOG_LEVEL}
     * @param lease the nodes' {@code journal.cluster.leaseTime}
     * @param simulatedSpeed {@code speed} of the simulated terminals in the nodes
     * @param emulatedSpeed {@code speed} of the simulated terminals behind the IPP and nexo emulators
     */
    record Settings(Path appJar, String javaOptions, String logLevel, Duration lease, String simulatedSpeed,
                    String emulatedSpeed, Duration startTimeout) {
    }

    /** One node: restartable under the same id, ports and configuration. */
    final class Node {
        final String id;
        final int webSocketPort;
        private final Path config;
        private final Path dir;
        private volatile ChildJvm jvm;

        private Node(String id, int webSocketPort, Path config, Path dir) {
            this.id = id;
            this.webSocketPort = webSocketPort;
            this.config = config;
            this.dir = dir;
        }

        URI uri() {
            return URI.create("ws://127.0.0.1:" + webSocketPort + "/p3");
        }

        Path config() {
            return config;
        }

        void start() throws IOException, InterruptedException {
            ChildJvm started = ChildJvm.start(settings.appJar(), settings.javaOptions(),
                    List.of("serve", "--config", config.toString()), dir, dir.resolve("node.log"),
                    settings.logLevel(), List.of(webSocketPort), settings.startTimeout());
            synchronized (ClusterRig.this) {
                if (!closed) {
                    jvm = started;
                    return;
                }
            }
            // the run ended while this node was starting: no node may outlive it
            started.kill();
            throw new IllegalStateException("the run is over");
        }

        boolean isAlive() {
            ChildJvm running = jvm;
            return running != null && running.isAlive();
        }

        /** {@code kill -9}. */
        void kill() throws InterruptedException {
            ChildJvm running = jvm;
            if (running != null) {
                running.kill();
            }
        }

        /** SIGTERM: the node drains and hands its leases back at once. */
        void stop() throws InterruptedException {
            ChildJvm running = jvm;
            if (running != null) {
                running.stop(Duration.ofSeconds(30));
            }
        }

        double cpuSeconds() {
            ChildJvm running = jvm;
            return running == null ? Double.NaN : running.cpuSeconds();
        }

        String logTail(int lines) {
            ChildJvm running = jvm;
            return running == null ? "" : running.tail(lines);
        }
    }

    private final Settings settings;
    private final PostgresDatabase database;
    private final Path dir;
    private final List<Terminal> terminals;
    private final String secret;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Integer> emulatorPorts = new LinkedHashMap<>();
    private ChildJvm emulators;
    /** Kills the children and drops the database when the tool is stopped with Ctrl-C before {@link #close}. */
    private final Thread onExit = new Thread(this::closeQuietly, "cluster-rig-cleanup");
    private boolean closed;

    private ClusterRig(Settings settings, PostgresDatabase database, Path dir, List<Terminal> terminals) {
        this.settings = settings;
        this.database = database;
        this.dir = dir;
        this.terminals = List.copyOf(terminals);
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        this.secret = HexFormat.of().formatHex(random);
    }

    /**
     * Creates the database and the configurations of {@code nodeIds}, and starts the emulators; the
     * nodes are started with {@link #startAll} or one by one.
     */
    static ClusterRig create(Settings settings, String postgres, String postgresUser, Path dir,
                             List<Terminal> terminals, List<String> nodeIds) throws Exception {
        // absolute: every child runs in a directory of its own
        dir = Files.createDirectories(dir.toAbsolutePath());
        PostgresDatabase database = PostgresDatabase.create(postgres, postgresUser, "tillgate_bench");
        ClusterRig rig = new ClusterRig(settings, database, dir, terminals);
        Runtime.getRuntime().addShutdownHook(rig.onExit);
        try {
            rig.startEmulators();
            for (String id : nodeIds) {
                Path nodeDir = Files.createDirectories(dir.resolve(id));
                int webSocketPort = ChildJvm.freePort();
                Path config = nodeDir.resolve("tillgate.yaml");
                Files.writeString(config, rig.nodeConfig(id, webSocketPort, ChildJvm.freePort()));
                rig.nodes.put(id, rig.new Node(id, webSocketPort, config, nodeDir));
            }
        } catch (Exception e) {
            rig.close();
            throw e;
        }
        return rig;
    }

    String secret() {
        return secret;
    }

    String databaseName() {
        return database.name();
    }

    PostgresDatabase database() {
        return database;
    }

    List<Terminal> terminals() {
        return terminals;
    }

    List<String> terminalIds() {
        return terminals.stream().map(Terminal::id).toList();
    }

    List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    Node node(String id) {
        return nodes.get(id);
    }

    List<URI> uris() {
        return nodes.values().stream().map(Node::uri).toList();
    }

    /** Starts the given nodes at once and waits until each listens. */
    void startAll(List<Node> which) throws Exception {
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (Node node : which) {
            starting.add(CompletableFuture.runAsync(() -> {
                try {
                    node.start();
                } catch (Exception e) {
                    throw new IllegalStateException("node " + node.id + " did not start: " + e.getMessage(), e);
                }
            }));
        }
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
    }

    ClusterStatus status() {
        return ClusterStatus.read(new JournalSettings(database.url(), database.user(), null));
    }

    /** The node holding a live lease on the terminal, if any. */
    String holder(String terminalId) {
        return status().leases().stream().filter(l -> l.terminalId().equals(terminalId) && l.live())
                .map(ClusterStatus.Lease::holder).findFirst().orElse(null);
    }

    /**
     * Waits until exactly {@code live} nodes have a fresh heartbeat and every terminal's live lease
     * is held by the node rendezvous hashing gives it among them: the steady state after a start,
     * a kill or a stop.
     */
    void awaitBalanced(List<String> live, Duration timeout) throws InterruptedException {
        await(status -> {
            List<String> fresh = status.nodes().stream().filter(n -> n.heartbeatAge().compareTo(settings.lease()) < 0)
                    .map(ClusterStatus.Node::nodeId).toList();
            Map<String, String> holders = status.leases().stream().filter(ClusterStatus.Lease::live)
                    .collect(Collectors.toMap(ClusterStatus.Lease::terminalId, ClusterStatus.Lease::holder));
            return fresh.size() == live.size() && fresh.containsAll(live) && terminals.stream()
                    .allMatch(t -> Rendezvous.owner(t.id(), live).orElseThrow().equals(holders.get(t.id())));
        }, timeout, "every terminal held by its node among " + live);
    }

    /** Waits until the status satisfies {@code condition}; fails naming {@code what}. */
    void await(Predicate<ClusterStatus> condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ClusterStatus last = null;
        while (true) {
            try {
                last = status();
                if (condition.test(last)) {
                    return;
                }
            } catch (RuntimeException e) {
                // the schema may not exist before the first node migrated it
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("no " + what + " within " + timeout + "; last status: " + last);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != onExit) {
            Runtime.getRuntime().removeShutdownHook(onExit);
        }
        for (Node node : nodes.values()) {
            node.kill();
        }
        if (emulators != null) {
            emulators.kill();
        }
        database.close();
    }

    private void closeQuietly() {
        try {
            close();
        } catch (Exception e) {
            System.err.println("cleaning up after the run: " + e.getMessage());
        }
    }

    private void startEmulators() throws IOException, InterruptedException {
        List<Terminal> emulated = terminals.stream().filter(t -> t.kind() != Kind.SIMULATED).toList();
        if (emulated.isEmpty()) {
            return;
        }
        StringBuilder yaml = new StringBuilder()
                .append("gateway: {host: 127.0.0.1}\n")
                .append("journal: {url: memory}\n")
                .append("p3: {enabled: false}\n")
                .append("admin: {enabled: false}\n")
                .append("merchants: [{id: emulators, secret: ").append(secret).append(", terminals: [")
                .append(emulated.stream().map(t -> "e-" + t.id()).collect(Collectors.joining(", "))).append("]}]\n")
                .append("terminals:\n");
        for (Terminal terminal : emulated) {
            yaml.append("  - {id: e-").append(terminal.id()).append(", speed: ").append(settings.emulatedSpeed())
                    .append("}\n");
        }
        yaml.append("frontEnds:\n");
        for (Terminal terminal : emulated) {
            int port = ChildJvm.freePort();
            emulatorPorts.put(terminal.id(), port);
            yaml.append("  - {protocol: ").append(terminal.kind() == Kind.IPP ? "ipp" : "nexo").append(", port: ")
                    .append(port).append(", terminal: e-").append(terminal.id()).append("}\n");
        }
        Path emulatorDir = Files.createDirectories(dir.resolve("emulators"));
        Path config = emulatorDir.resolve("emulators.yaml");
        Files.writeString(config, yaml.toString());
        emulators = ChildJvm.start(settings.appJar(), settings.javaOptions(), List.of("serve", "--config",
                config.toString()), emulatorDir, emulatorDir.resolve("emulators.log"), "WARN",
                List.copyOf(emulatorPorts.values()), settings.startTimeout());
    }

    private String nodeConfig(String id, int webSocketPort, int tcpPort) {
        StringBuilder yaml = new StringBuilder()
                .append("gateway: {host: 127.0.0.1, transactionTimeout: 60s}\n")
                .append("journal:\n")
                .append("  url: ").append(database.url()).append('\n')
                .append("  user: ").append(database.user()).append('\n')
                .append("  cluster: {nodeId: ").append(id).append(", leaseTime: ").append(settings.lease().toMillis())
                .append("ms}\n")
                .append("p3: {websocketPort: ").append(webSocketPort).append(", tcpPort: ").append(tcpPort)
                .append("}\n")
                .append("admin: {enabled: false}\n")
                .append("merchants: [{id: ").append(MERCHANT).append(", secret: ").append(secret)
                .append(", terminals: [").append(String.join(", ", terminalIds())).append("]}]\n")
                .append("terminals:\n");
        for (Terminal terminal : terminals) {
            yaml.append("  - {id: ").append(terminal.id());
            switch (terminal.kind()) {
                case SIMULATED -> yaml.append(", speed: ").append(settings.simulatedSpeed());
                case IPP, NEXO -> yaml.append(", type: ").append(terminal.kind() == Kind.IPP ? "ipp" : "nexo")
                        .append(", host: 127.0.0.1, port: ").append(emulatorPorts.get(terminal.id()));
            }
            yaml.append("}\n");
        }
        return yaml.toString();
    }

    /** Terminals named {@code ipp1…}, {@code nexo1…}, {@code sim1…}. */
    static List<Terminal> terminals(int ipp, int nexo, int simulated) {
        List<Terminal> list = new ArrayList<>();
        for (int i = 1; i <= ipp; i++) {
            list.add(new Terminal("ipp" + i, Kind.IPP));
        }
        for (int i = 1; i <= nexo; i++) {
            list.add(new Terminal("nexo" + i, Kind.NEXO));
        }
        for (int i = 1; i <= simulated; i++) {
            list.add(new Terminal("sim" + i, Kind.SIMULATED));
        }
        return list;
    }
}
