package io.tillgate.bench.cluster;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tillgate.journal.cluster.ClusterStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Three nodes on one PostgreSQL journal, POS clients paying through all of them, and a chaos thread
 * that {@code kill -9}s a random node and starts it again, over and over; then the journal is read
 * to check that no payment was lost, none charged twice, and every answer matches the journal.
 */
@Command(name = "ClusterStorm", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {
            "Storm on a three-node Tillgate cluster (docs/cluster.md).",
            "",
            "Creates a PostgreSQL database of its own, starts one JVM emulating the IPP and nexo terminals (a "
                    + "'tillgate serve' with simulated terminals behind IPP and nexo front-ends, as 'tillgate emulate' "
                    + "runs one), and three 'tillgate serve' nodes n1, n2, n3 on that database. Each of the N POS "
                    + "clients has a PayClient with all three URLs, starting at node i %% 3, and pays on terminal "
                    + "i %% T, one payment at a time, every payment with a unique customIdentifier and tag.",
            "",
            "Meanwhile a chaos thread kill -9s a random node among those holding terminals, waits a moment, starts it again and waits until it "
                    + "is back, K times. A POS refused as busy (its terminal is driven by another node, or being taken "
                    + "over) sends the same tag again on the next URL after a short backoff; one whose node died "
                    + "lets its PayClient move on and recover by tag, and asks by tag itself when the client gives up.",
            "",
            "When K kills are done and at least P payments are answered, the clients finish their payment, and "
                    + "the journal rows are read over JDBC: every payment must have a final answer, at most one "
                    + "APPROVED row per customIdentifier, and the answer (identifier, status, amount) must match the "
                    + "journal. Every violation is printed, named, and the exit code is 1. Payments answered "
                    + "INCONCLUSIVE that the journal holds as UNKNOWN (left to an operator) are listed apart.",
            "",
            "Run it from the repository root: the nodes run app/target/tillgate.jar. Copy bench/target/"
                    + "tillgate-bench.jar elsewhere first if you rebuild while it runs."},
        footer = {"",
            "Exit codes: 0 no violation, 1 violations, 2 set-up failure or bad arguments.",
            "",
            "Example (from the repository root, after ./mvnw -q -o package -DskipTests -Djacoco.skip):",
            "  java -cp bench/target/tillgate-bench.jar io.tillgate.bench.cluster.ClusterStorm --payments 500 --kills 20"})
public final class ClusterStorm implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "16",
            description = "POS clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--payments", paramLabel = "P", defaultValue = "500",
            description = "At least this many payments in all (default: ${DEFAULT-VALUE}).")
    int payments;

    @Option(names = "--kills", paramLabel = "K", defaultValue = "20",
            description = "kill -9 of a random node, each followed by its restart (default: ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--ipp", paramLabel = "COUNT", defaultValue = "8",
            description = "Emulated IPP terminals (default: ${DEFAULT-VALUE}).")
    int ipp;

    @Option(names = "--nexo", paramLabel = "COUNT", defaultValue = "8",
            description = "Emulated nexo terminals (default: ${DEFAULT-VALUE}).")
    int nexo;

    @Option(names = "--terminal-speed", paramLabel = "SPEED", defaultValue = "100ms",
            description = "Time of every step of the emulated terminals' card flow (default: ${DEFAULT-VALUE}: about "
                    + "half a second a payment, so kills land in the middle of payments).")
    String terminalSpeed;

    @Option(names = "--lease", paramLabel = "DURATION", defaultValue = "2s",
            converter = ClusterOptions.DurationConverter.class,
            description = "The nodes' lease time (default: ${DEFAULT-VALUE}).")
    Duration lease;

    @Option(names = "--up", paramLabel = "DURATION", defaultValue = "3s", converter = ClusterOptions.DurationConverter.class,
            description = "Longest time all nodes run between a restart and the next kill; each pause is random up "
                    + "to this (default: ${DEFAULT-VALUE}).")
    Duration up;

    @Option(names = "--down", paramLabel = "DURATION", defaultValue = "3s",
            converter = ClusterOptions.DurationConverter.class,
            description = "Longest time a killed node stays down; random up to this (default: ${DEFAULT-VALUE}).")
    Duration down;

    private final PrintStream out = System.out;
    private long startNanos;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ClusterStorm()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || payments < 0 || kills < 0 || ipp + nexo < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "need at least one client and one terminal, and no negative counts");
        }
        ClusterRig.Settings settings = cluster.settings("INFO", lease, "fast", terminalSpeed);
        Path work = cluster.workDir("cluster-storm");
        out.println("ClusterStorm: " + clients + " clients, " + ipp + " IPP and " + nexo + " nexo terminals (" + terminalSpeed
                + " a step), lease " + lease.toMillis() + " ms, at least " + payments + " payments and " + kills
                + " kills; logs in " + work.toAbsolutePath());
        out.println("at start: " + ClusterOptions.load());
        startNanos = System.nanoTime();
        try (ClusterRig rig = ClusterRig.create(settings, cluster.postgres, cluster.postgresUser, work,
                ClusterRig.terminals(ipp, nexo, 0), ClusterOptions.NODES)) {
            rig.startAll(rig.nodes());
            rig.awaitBalanced(ClusterOptions.NODES, Duration.ofSeconds(60));
            log("cluster up on database " + rig.databaseName() + ": " + holders(rig));
            return storm(rig);
        }
    }

    private int storm(ClusterRig rig) throws Exception {
        AtomicBoolean chaosDone = new AtomicBoolean(kills == 0);
        AtomicInteger started = new AtomicInteger();
        StormClient.Counters counters = new StormClient.Counters();
        List<StormClient> pos = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("storm-clients", true),
                NioIoHandler.newFactory());
        List<String> terminals = rig.terminalIds();
        try {
            for (int i = 0; i < clients; i++) {
                StormClient client = new StormClient(i, rig.uris(), terminals.get(i % terminals.size()), rig.secret(),
                        group, () -> started.getAndIncrement() < payments || !chaosDone.get(), counters);
                pos.add(client);
                Thread thread = new Thread(client, "pos-" + i);
                threads.add(thread);
                thread.start();
            }
            Chaos chaos = new Chaos(rig);
            Thread chaosThread = new Thread(() -> {
                try {
                    chaos.run();
                } finally {
                    chaosDone.set(true);
                }
            }, "chaos");
            chaosThread.start();
            chaosThread.join();
            log("chaos done: " + chaos.done + " kills" + (chaos.failure == null ? "" : "; stopped early: "
                    + chaos.failure));
            for (Thread thread : threads) {
                thread.join();
            }
            List<StormPayment> all = new ArrayList<>();
            pos.forEach(p -> all.addAll(p.payments()));
            log("clients done: " + all.size() + " payments; " + counters.busy.get() + " busy refusals retried, "
                    + counters.recovering.get() + " recoveries by the client, " + counters.queried.get()
                    + " queries by tag after the client gave up, " + counters.notStarted.get() + " not started, "
                    + counters.otherErrors.get() + " other errors retried");
            out.println("at end: " + ClusterOptions.load());
            JournalAudit.Result audit;
            try (Connection journal = rig.database().connect()) {
                audit = JournalAudit.check(journal, ClusterRig.MERCHANT, all);
            }
            return report(audit, chaos, all);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    private int report(JournalAudit.Result audit, Chaos chaos, List<StormPayment> all) {
        Map<String, Integer> attempts = new TreeMap<>();
        for (StormPayment payment : all) {
            attempts.merge(payment.attempts() == 1 ? "1" : payment.attempts() <= 3 ? "2-3" : ">3", 1, Integer::sum);
        }
        audit.unknown().forEach(u -> out.println("UNKNOWN " + u));
        out.printf("RESULT payments=%d journalRows=%d approved=%d declined=%d unknown=%d recoveredByClient=%d "
                        + "answeredByQuery=%d kills=%d attempts=%s seconds=%.0f violations=%d%n", audit.payments(),
                audit.rows(), audit.approved(), audit.declined(), audit.unknown().size(), audit.recoveredByClient(),
                audit.answeredByQuery(), chaos.done, attempts, elapsedSeconds(), audit.violations().size());
        List<String> problems = new ArrayList<>(audit.violations());
        if (audit.payments() < payments) {
            problems.add("TOO FEW: " + audit.payments() + " payments, " + payments + " asked for");
        }
        if (chaos.done < kills) {
            problems.add("TOO FEW KILLS: " + chaos.done + " of " + kills + (chaos.failure == null ? ""
                    : " (" + chaos.failure + ")"));
        }
        if (problems.isEmpty()) {
            out.println("OK: no payment lost, none charged twice, every POS answer matches the journal"
                    + (audit.unknown().isEmpty() ? "" : "; " + audit.unknown().size() + " left UNKNOWN for an operator "
                    + "(listed above)"));
            return 0;
        }
        problems.stream().limit(100).forEach(p -> out.println("VIOLATION " + p));
        if (problems.size() > 100) {
            out.println("… and " + (problems.size() - 100) + " more");
        }
        return 1;
    }

    /** Kills a random node among those driving terminals, waits a moment, starts it again and waits until its heartbeat is fresh. */
    private final class Chaos implements Runnable {
        private final ClusterRig rig;
        int done;
        String failure;

        Chaos(ClusterRig rig) {
            this.rig = rig;
        }

        @Override
        public void run() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            try {
                while (done < kills) {
                    Thread.sleep(random.nextLong(up.toMillis() + 1));
                    ClusterStatus status = rig.status();
                    List<ClusterRig.Node> holders = rig.nodes().stream()
                            .filter(n -> !status.heldBy(n.id).isEmpty()).toList();
                    List<ClusterRig.Node> candidates = holders.isEmpty() ? rig.nodes() : holders;
                    ClusterRig.Node victim = candidates.get(random.nextInt(candidates.size()));
                    List<String> held = status.heldBy(victim.id);
                    victim.kill();
                    done++;
                    log("kill -9 " + victim.id + " (" + done + "/" + kills + "), which held " + held);
                    Thread.sleep(random.nextLong(down.toMillis() + 1));
                    victim.start();
                    rig.await(now -> now.nodes().stream().anyMatch(n -> n.nodeId().equals(victim.id)
                            && n.heartbeatAge().compareTo(lease) < 0), Duration.ofSeconds(60),
                            "fresh heartbeat of " + victim.id);
                    log(victim.id + " back");
                }
            } catch (Exception e) {
                failure = e.getMessage();
            }
        }
    }

    private static String holders(ClusterRig rig) {
        StringBuilder text = new StringBuilder();
        for (ClusterRig.Node node : rig.nodes()) {
            text.append(text.isEmpty() ? "" : "; ").append(node.id).append(' ').append(rig.status().heldBy(node.id));
        }
        return text.toString();
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void log(String line) {
        out.printf("[%6.1f s] %s%n", elapsedSeconds(), line);
    }
}
