package io.tillgate.bench.cluster;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tillgate.core.money.Money;
import io.tillgate.journal.cluster.ClusterStatus;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.P3ErrorException;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.TransactionResult;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Transactions per second of three nodes against one node on the same PostgreSQL journal, the
 * same terminals and the same clients, alternating in one run, with the CPU each side used.
 */
@Command(name = "ClusterThroughput", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {
            "Three Tillgate nodes against one, in the same run (docs/cluster.md, docs/performance.md).",
            "",
            "One database, M fast simulated terminals, three node configurations n1, n2, n3. Rounds alternate: "
                    + "n1 alone (n2 and n3 stopped with SIGTERM, so n1 takes every terminal at once), then all three "
                    + "(started again, each terminal on the node it hashes to). In each, N PayClients, client i on "
                    + "terminal i %% M and connected to the node holding it, run a closed loop (charge, await the "
                    + "answer, charge again) for the warm-up and then the measured window.",
            "",
            "Printed per run: approved transactions/s, p50 and p99 latency, errors, and CPU in cores over the "
                    + "window: the nodes, this JVM (the clients), and everything else on the machine (PostgreSQL, "
                    + "other users). Then the medians and the ratio three/one."},
        footer = {"",
            "Exit codes: 0 measured, 1 errors during the load, 2 set-up failure.",
            "",
            "Example:",
            "  java -cp bench/target/tillgate-bench.jar io.tillgate.bench.cluster.ClusterThroughput --rounds 3"})
public final class ClusterThroughput implements Callable<Integer> {

    static {
        if (System.getProperty("TILLGATE_LOG_LEVEL") == null) {
            System.setProperty("TILLGATE_LOG_LEVEL", "WARN");
        }
    }

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "32",
            description = "PayClients in a closed loop (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--terminals", paramLabel = "M", defaultValue = "32",
            description = "Fast simulated terminals (default: ${DEFAULT-VALUE}).")
    int terminals;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "3",
            description = "One-node and three-node runs, alternating, R of each (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "10s",
            converter = ClusterOptions.DurationConverter.class,
            description = "Unmeasured load before each window (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "20s",
            converter = ClusterOptions.DurationConverter.class,
            description = "Measured window of each run (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--lease", paramLabel = "DURATION", defaultValue = "10s",
            converter = ClusterOptions.DurationConverter.class,
            description = "The nodes' lease time (default: ${DEFAULT-VALUE}, as a node's own default). With a short "
                    + "one a node whose renewals are starved of CPU by the load loses its leases and refuses payments "
                    + "in the middle of a run.")
    Duration lease;

    private final PrintStream out = System.out;

    /** One measured run. */
    record Run(int nodes, double txPerSecond, double p50Millis, double p99Millis, long errors, double nodeCores,
               double clientCores, double otherCores) {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ClusterThroughput()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path work = cluster.workDir("cluster-throughput");
        out.println("ClusterThroughput: " + clients + " clients, " + terminals + " fast simulated terminals, " + rounds
                + " rounds of " + duration.toSeconds() + " s (+" + warmup.toSeconds() + " s warm-up), node JVMs: "
                + cluster.javaOptions + "; logs in " + work.toAbsolutePath());
        out.println("at start: " + ClusterOptions.load());
        List<Run> one = new ArrayList<>();
        List<Run> three = new ArrayList<>();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("load-clients", true),
                NioIoHandler.newFactory());
        try (ClusterRig rig = ClusterRig.create(cluster.settings("WARN", lease, "fast", "fast"), cluster.postgres,
                cluster.postgresUser, work, ClusterRig.terminals(0, 0, terminals), ClusterOptions.NODES)) {
            ClusterRig.Node first = rig.node("n1");
            List<ClusterRig.Node> others = rig.nodes().subList(1, rig.nodes().size());
            rig.startAll(List.of(first));
            for (int round = 1; round <= rounds; round++) {
                for (ClusterRig.Node node : others) {
                    node.stop();
                }
                rig.awaitBalanced(List.of(first.id), lease.multipliedBy(4).plusSeconds(30));
                one.add(measure(rig, List.of(first), group, round));
                rig.startAll(others);
                rig.awaitBalanced(ClusterOptions.NODES, lease.multipliedBy(4).plusSeconds(60));
                three.add(measure(rig, rig.nodes(), group, round));
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        out.println("at end: " + ClusterOptions.load());
        Run medianOne = median(1, one);
        Run medianThree = median(3, three);
        print("MEDIAN", medianOne);
        print("MEDIAN", medianThree);
        // each round's two runs had the same machine, or nearly: the median of their ratios resists the noise
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < one.size(); i++) {
            ratios.add(three.get(i).txPerSecond() / one.get(i).txPerSecond());
        }
        double roundRatio = ratios.stream().sorted().toList().get(ratios.size() / 2);
        out.printf(Locale.ROOT, "RESULT oneNodeTxPerS=%.0f threeNodesTxPerS=%.0f ratioOfMedians=%.2f "
                        + "medianRoundRatio=%.2f roundRatios=%s oneNodeCores=%.2f threeNodesCores=%.2f%n",
                medianOne.txPerSecond(), medianThree.txPerSecond(), medianThree.txPerSecond() / medianOne.txPerSecond(),
                roundRatio, ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList(),
                medianOne.nodeCores(), medianThree.nodeCores());
        boolean errors = one.stream().anyMatch(r -> r.errors() > 0) || three.stream().anyMatch(r -> r.errors() > 0);
        return errors ? 1 : 0;
    }

    private Run measure(ClusterRig rig, List<ClusterRig.Node> running, EventLoopGroup group, int round)
            throws Exception {
        List<String> ids = rig.terminalIds();
        List<PayClient> payClients = new ArrayList<>();
        List<CompletableFuture<?>> logins = new ArrayList<>();
        ClusterStatus status = rig.status();
        for (int i = 0; i < clients; i++) {
            String terminal = ids.get(i % ids.size());
            String holder = status.leases().stream().filter(l -> l.terminalId().equals(terminal)).findFirst()
                    .orElseThrow().holder();
            PayClient client = PayClient.builder(rig.node(holder).uri()).eventLoopGroup(group).callbacksOnIoThread()
                    .connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(30)).build();
            payClients.add(client);
            logins.add(client.connect().thenCompose(c -> client.login(ClusterRig.MERCHANT, rig.secret())));
        }
        CompletableFuture.allOf(logins.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        Window window = new Window();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            loops.add(done);
            loop(payClients.get(i), ids.get(i % ids.size()), window, done);
        }
        Thread.sleep(warmup.toMillis());
        double[] nodesBefore = cpu(running);
        double clientBefore = ownCpuSeconds();
        long machineBefore = machineBusyTicks();
        window.open();
        Thread.sleep(duration.toMillis());
        window.close();
        double seconds = window.seconds();
        double nodeCores = (sum(cpu(running)) - sum(nodesBefore)) / seconds;
        double clientCores = (ownCpuSeconds() - clientBefore) / seconds;
        double machineCores = (machineBusyTicks() - machineBefore) / 100.0 / seconds;
        window.stop();
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        payClients.forEach(PayClient::close);
        List<Long> latencies = window.latencies();
        Run run = new Run(running.size(), latencies.size() / seconds, percentile(latencies, 0.50),
                percentile(latencies, 0.99), window.errors.get(), nodeCores, clientCores,
                Math.max(0, machineCores - nodeCores - clientCores));
        print("round " + round, run);
        if (!window.failures.isEmpty()) {
            out.println("        errors by kind: " + window.failures);
        }
        return run;
    }

    /** Charge, await, charge again, until the window is stopped. */
    private static void loop(PayClient client, String terminal, Window window, CompletableFuture<Void> done) {
        if (window.stopped()) {
            done.complete(null);
            return;
        }
        long start = System.nanoTime();
        client.charge(ChargeRequest.of(terminal, Money.ofMinor(1000, "EUR"))).outcome()
                .whenComplete((TransactionResult result, Throwable failure) -> {
                    window.record(start, System.nanoTime(), failure == null && result.isApproved());
                    if (failure != null || !result.isApproved()) {
                        window.failed(failure != null ? describe(failure) : result.rawStatus());
                    }
                    loop(client, terminal, window, done);
                });
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof P3ErrorException refused ? refused.rawType() : cause.getClass().getSimpleName();
    }

    /** The measured window: only transactions that start and end in it count. */
    private static final class Window {
        private volatile long openedAt = Long.MAX_VALUE;
        private volatile long closedAt = Long.MAX_VALUE;
        private volatile boolean stopped;
        private final List<Long> latencies = new ArrayList<>();
        final AtomicLong errors = new AtomicLong();
        /** What went wrong, counted by kind, so a run with errors says why. */
        final Map<String, Long> failures = new ConcurrentSkipListMap<>();

        void failed(String kind) {
            failures.merge(kind, 1L, Long::sum);
        }

        void open() {
            openedAt = System.nanoTime();
        }

        void close() {
            closedAt = System.nanoTime();
        }

        void stop() {
            stopped = true;
        }

        boolean stopped() {
            return stopped;
        }

        double seconds() {
            return (closedAt - openedAt) / 1e9;
        }

        void record(long start, long end, boolean approved) {
            if (!approved) {
                errors.incrementAndGet();
            } else if (start >= openedAt && end <= closedAt) {
                synchronized (latencies) {
                    latencies.add(end - start);
                }
            }
        }

        List<Long> latencies() {
            synchronized (latencies) {
                return latencies.stream().sorted().toList();
            }
        }
    }

    private void print(String label, Run run) {
        out.printf(Locale.ROOT, "%-7s %d node%s: %,7.0f tx/s, p50 %6.1f ms, p99 %6.1f ms, errors %d; CPU cores: nodes "
                        + "%.2f (%,.0f µs a transaction), clients %.2f, everything else %.2f%n", label, run.nodes(),
                run.nodes() == 1 ? " " : "s", run.txPerSecond(), run.p50Millis(), run.p99Millis(), run.errors(),
                run.nodeCores(), run.nodeCores() / run.txPerSecond() * 1e6, run.clientCores(), run.otherCores());
    }

    private static Run median(int nodes, List<Run> runs) {
        return new Run(nodes, median(runs, Run::txPerSecond), median(runs, Run::p50Millis),
                median(runs, Run::p99Millis), runs.stream().mapToLong(Run::errors).sum(), median(runs, Run::nodeCores),
                median(runs, Run::clientCores), median(runs, Run::otherCores));
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> metric) {
        double[] values = runs.stream().mapToDouble(metric).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static double percentile(List<Long> sortedNanos, double fraction) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.size() - 1, Math.ceil(fraction * sortedNanos.size()) - 1);
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }

    private static double[] cpu(List<ClusterRig.Node> nodes) {
        return nodes.stream().mapToDouble(ClusterRig.Node::cpuSeconds).toArray();
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }

    private static double ownCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** Busy CPU ticks of the whole machine (/proc/stat, USER_HZ 100), idle and iowait left out. */
    private static long machineBusyTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
