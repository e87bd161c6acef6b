package io.tillgate.bench.load;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tillgate.app.Gateway;
import io.tillgate.app.Terminals;
import io.tillgate.app.config.ConfigException;
import io.tillgate.app.config.ConfigLoader;
import io.tillgate.app.config.DurationText;
import io.tillgate.app.config.EmulatorSettings;
import io.tillgate.app.config.GatewaySettings;
import io.tillgate.app.config.Protocol;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.terminal.Terminal;
import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalListener;
import io.tillgate.core.terminal.TerminalRequest;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.journal.JdbcUrlRedactor;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.TransactionStatus;
import io.tillgate.p3.codec.P3Transaction;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The latency the gateway adds in front of a terminal driver. One emulator of the protocol (a
 * front-end over a fast simulated terminal) is paid on, one transaction at a time, in alternating
 * rounds: by the protocol's driver called directly, and by a P3 client through a gateway whose
 * terminal is that same driver. The difference of the two medians is what the gateway adds: P3
 * framing and JSON both ways, the payment service, the journal and the hops between threads.
 *
 * <p>Each round also reports, for both paths, the CPU time, the time runnable threads waited for a
 * core, and the thread switches per transaction, all threads of this JVM together (Linux). The
 * switches count the hand-overs between threads and do not change with the machine's speed, so they
 * show a structural change even on a noisy machine where the latencies cannot.
 */
@Command(name = "GatewayAddedLatency", mixinStandardHelpOptions = true,
        description = "Measures the latency a gateway adds: P3 → gateway → driver → emulator versus driver → "
                + "emulator, in alternating rounds of sequential transactions.")
public final class GatewayAddedLatency implements Callable<Integer> {

    static {
        // As in LoadGenerator: the console is not what is measured.
        if (System.getProperty("TILLGATE_LOG_LEVEL") == null) {
            System.setProperty("TILLGATE_LOG_LEVEL", "WARN");
        }
    }

    private static final PrintStream OUT = System.out;
    private static final int JIT_SETTLE_BATCH = 1000;
    private static final int JIT_SETTLE_LIMIT_SECONDS = 120;

    private long pauseNanos;
    private Duration quietInterval;

    @Option(names = "--protocol", paramLabel = "NAME", split = ",", defaultValue = "concert,ipp,nexo",
            description = "Protocols to measure (default: ${DEFAULT-VALUE}).")
    private List<String> protocols;

    @Option(names = "--transactions", paramLabel = "N", defaultValue = "2000",
            description = "Transactions per round and path (default: ${DEFAULT-VALUE}).")
    private int transactions;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3000",
            description = "Transactions on each path before measuring, for the JIT (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "5",
            description = "Alternating rounds per path; the median round is reported (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--concert-quiet-interval", paramLabel = "DURATION", defaultValue = "50ms",
            description = "The silence after which the Concert emulator takes a request as complete when it was "
                    + "not complete in its first read; the driver's requests are, so they do not wait for it "
                    + "(default: ${DEFAULT-VALUE}, the emulator's own).")
    private String concertQuietInterval;

    @Option(names = "--pause", paramLabel = "DURATION", defaultValue = "0ms",
            description = "Idle time between two transactions on both paths, as a till has between customers; "
                    + "threads that have slept take longer to wake (default: ${DEFAULT-VALUE}).")
    private String pause;

    @Option(names = "--journal", paramLabel = "URL", defaultValue = "memory",
            description = "The gateway's journal: memory, or jdbc:sqlite:FILE to include a durable journal "
                    + "(default: ${DEFAULT-VALUE}).")
    private String journal;

    @Option(names = "--jit-quiet", paramLabel = "PERCENT", defaultValue = "2",
            description = "After --warmup, go on warming both paths up in batches of 1000 transactions until the "
                    + "JIT compilers were busy for less than this share of a batch, or 120 s have passed: on two "
                    + "cores C2 compiling the gateway's larger code takes a core from the paths being compared "
                    + "(default: ${DEFAULT-VALUE} %%).")
    private double jitQuietPercent;

    @Option(names = "--per-thread",
            description = "After the last round, print each thread's CPU time, wait for a core and switches per "
                    + "transaction on both paths: where the gateway's time goes.")
    private boolean perThread;

    public static void main(String[] args) {
        System.exit(new CommandLine(new GatewayAddedLatency()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        OUT.printf(Locale.ROOT, "nproc %d, %s %s; %d rounds x %d transactions per path, warm-up %d, journal %s, "
                        + "Concert quiet interval %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), rounds, transactions, warmup,
                JdbcUrlRedactor.redact(journal), concertQuietInterval);
        OUT.printf(Locale.ROOT, "pause between transactions %s%n", pause);
        try {
            pauseNanos = DurationText.parse("--pause", pause).toNanos();
            quietInterval = ConfigLoader.quietInterval("--concert-quiet-interval", concertQuietInterval);
        } catch (ConfigException e) {
            System.err.println("GatewayAddedLatency: option " + e.key() + ": " + e.problem());
            return 2;
        }
        for (String name : protocols) {
            measure(Protocol.fromConfigName(name.trim().toLowerCase(Locale.ROOT)));
        }
        return 0;
    }

    private void measure(Protocol protocol) throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        EventLoopGroup driverIo = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("bench-driver", true),
                NioIoHandler.newFactory());
        Path dir = Files.createTempDirectory("tillgate-latency");
        GatewaySettings emulated = EmulatorSettings.of(protocol, "127.0.0.1", 0, "fast", false, null)
                .withConcertQuietInterval(quietInterval);
        try (Gateway emulator = Gateway.start(emulated)) {
            int port = emulator.frontEndAddress(protocol, EmulatorSettings.TERMINAL_ID).getPort();
            GatewaySettings settings = ConfigLoader.load(writeConfig(dir, protocol, port));
            try (Terminals drivers = new Terminals(scheduler, driverIo);
                 Terminal direct = drivers.create(settings.terminals().get(0));
                 Gateway gateway = Gateway.start(settings);
                 PayClient client = PayClient.builder(gateway.p3TcpUri())
                         // No hop to a callback thread: the figure stays the gateway's own, as in the history.
                         .callbacksOnIoThread().build()) {
                client.connect().get(10, TimeUnit.SECONDS);
                client.login("bench", "bench-secret-1").get(10, TimeUnit.SECONDS);
                Money amount = Money.ofMajor("10.00", "EUR");
                runDirect(direct, amount, warmup, null);
                runThroughGateway(client, amount, warmup, null);
                settleJit(protocol, direct, client, amount);
                List<double[]> directRounds = new ArrayList<>();
                List<double[]> gatewayRounds = new ArrayList<>();
                double[] addedCpu = new double[rounds];
                double[] addedSwitches = new double[rounds];
                for (int round = 1; round <= rounds; round++) {
                    long[] d = new long[transactions];
                    Cost directCost = Cost.of(transactions, () -> runDirect(direct, amount, transactions, d));
                    long[] g = new long[transactions];
                    Cost gatewayCost = Cost.of(transactions,
                            () -> runThroughGateway(client, amount, transactions, g));
                    directRounds.add(quantiles(d));
                    gatewayRounds.add(quantiles(g));
                    addedCpu[round - 1] = gatewayCost.cpuMicros() - directCost.cpuMicros();
                    addedSwitches[round - 1] = gatewayCost.switches() - directCost.switches();
                    OUT.printf(Locale.ROOT, "%s round %d: direct p50 %.3f ms p99 %.3f ms | gateway p50 %.3f ms "
                                    + "p99 %.3f ms | added p50 %.3f ms | per transaction, direct → gateway: CPU %.0f → "
                                    + "%.0f µs, waiting for a core %.0f → %.0f µs, thread switches %.1f → %.1f%n",
                            protocol.configName(), round,
                            ms(directRounds.get(round - 1)[0]), ms(directRounds.get(round - 1)[1]),
                            ms(gatewayRounds.get(round - 1)[0]), ms(gatewayRounds.get(round - 1)[1]),
                            ms(gatewayRounds.get(round - 1)[0] - directRounds.get(round - 1)[0]),
                            directCost.cpuMicros(), gatewayCost.cpuMicros(), directCost.waitMicros(),
                            gatewayCost.waitMicros(), directCost.switches(), gatewayCost.switches());
                    if (perThread && round == rounds) {
                        directCost.print("direct");
                        gatewayCost.print("gateway");
                    }
                }
                double[] added = new double[rounds];
                for (int i = 0; i < rounds; i++) {
                    added[i] = gatewayRounds.get(i)[0] - directRounds.get(i)[0];
                }
                OUT.printf(Locale.ROOT, "%s: median of rounds: direct p50 %.3f ms, gateway p50 %.3f ms, "
                                + "gateway-added p50 %.3f ms; the gateway adds %.0f µs of CPU and %.1f thread "
                                + "switches per transaction%n", protocol.configName(),
                        ms(median(directRounds, 0)), ms(median(gatewayRounds, 0)), ms(median(added)),
                        median(addedCpu), median(addedSwitches));
            }
        } finally {
            driverIo.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            scheduler.shutdownNow();
        }
    }

    private Path writeConfig(Path dir, Protocol protocol, int port) throws Exception {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, """
                gateway: {host: 127.0.0.1}
                journal: {url: "%s"}
                p3: {websocketPort: 0, tcpPort: 0}
                merchants: [{id: bench, secret: bench-secret-1, terminals: [t1]}]
                terminals:
                  - {id: t1, type: %s, host: 127.0.0.1, port: %d}
                """.formatted(journal, protocol.configName(), port));
        return file;
    }

    /** Warms both paths up in batches until the JIT compilers are nearly idle; see {@code --jit-quiet}. */
    private void settleJit(Protocol protocol, Terminal direct, PayClient client, Money amount) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(JIT_SETTLE_LIMIT_SECONDS);
        int extra = 0;
        double busyPercent;
        do {
            long compileMillis = jit.getTotalCompilationTime();
            long start = System.nanoTime();
            runDirect(direct, amount, JIT_SETTLE_BATCH, null);
            runThroughGateway(client, amount, JIT_SETTLE_BATCH, null);
            extra += JIT_SETTLE_BATCH;
            busyPercent = (jit.getTotalCompilationTime() - compileMillis) * 1e8 / (System.nanoTime() - start);
        } while (busyPercent >= jitQuietPercent && System.nanoTime() < deadline);
        OUT.printf(Locale.ROOT, "%s: %d more warm-up transactions per path; the JIT compilers were busy %.1f %% of "
                + "the last batch%n", protocol.configName(), extra, busyPercent);
    }

    /** @param samples where each transaction's latency goes, in nanoseconds, or {@code null} to warm up */
    private void runDirect(Terminal terminal, Money amount, int count, long[] samples)
            throws Exception {
        for (int i = 0; i < count; i++) {
            pause();
            CompletableFuture<TransactionOutcome> outcome = new CompletableFuture<>();
            long start = System.nanoTime();
            terminal.execute(new TerminalRequest(String.format("%032x", System.nanoTime()),
                    PaymentCommand.sale(amount, null, null), null), new TerminalListener() {
                        @Override
                        public void onStatus(TerminalStatus status) {
                        }

                        @Override
                        public void onAction(TerminalAction action) {
                            outcome.completeExceptionally(new IllegalStateException("unexpected action " + action));
                        }

                        @Override
                        public void onOutcome(TransactionOutcome result) {
                            outcome.complete(result);
                        }
                    });
            TransactionOutcome result = outcome.get(10, TimeUnit.SECONDS);
            long took = System.nanoTime() - start;
            if (result.result() != TransactionResult.APPROVED) {
                throw new IllegalStateException("direct transaction " + i + " was " + result.result() + " ("
                        + result.reason() + ")");
            }
            if (samples != null) {
                samples[i] = took;
            }
        }
    }

    private void runThroughGateway(PayClient client, Money amount, int count, long[] samples)
            throws Exception {
        for (int i = 0; i < count; i++) {
            pause();
            long start = System.nanoTime();
            P3Transaction t = client.charge(ChargeRequest.of("t1", amount), null)
                    .outcome().get(10, TimeUnit.SECONDS).transaction();
            long took = System.nanoTime() - start;
            if (TransactionStatus.of(t) != TransactionStatus.APPROVED) {
                throw new IllegalStateException("gateway transaction " + i + " was " + TransactionStatus.of(t));
            }
            if (samples != null) {
                samples[i] = took;
            }
        }
    }

    /** What one path cost per transaction in a round, by thread of this JVM: emulator, gateway, client, driver. */
    private record Cost(int transactions, Map<String, ThreadStats.Counters> byThread, ThreadStats.Counters total) {

        static Cost of(int transactions, Run run) throws Exception {
            ThreadStats before = ThreadStats.now();
            run.run();
            ThreadStats after = ThreadStats.now();
            return new Cost(transactions, after.since(before), after.totalSince(before));
        }

        double cpuMicros() {
            return total.cpuNanos() / 1e3 / transactions;
        }

        double waitMicros() {
            return total.waitNanos() / 1e3 / transactions;
        }

        double switches() {
            return (double) total.switches() / transactions;
        }

        /** One line per thread that did anything worth a line, busiest first. */
        void print(String path) {
            OUT.printf(Locale.ROOT, "  %s path, per transaction:%n", path);
            byThread.entrySet().stream()
                    .filter(e -> e.getValue().cpuNanos() / transactions >= 5_000 || e.getValue().switches() * 20
                            >= transactions)
                    .sorted((a, b) -> Long.compare(b.getValue().cpuNanos(), a.getValue().cpuNanos()))
                    .forEach(e -> OUT.printf(Locale.ROOT, "    %-24s CPU %6.0f µs, waiting for a core %5.0f µs, "
                                    + "switches %4.1f voluntary %4.1f involuntary%n", e.getKey(),
                            e.getValue().cpuNanos() / 1e3 / transactions, e.getValue().waitNanos() / 1e3 / transactions,
                            (double) e.getValue().voluntary() / transactions,
                            (double) e.getValue().involuntary() / transactions));
        }
    }

    @FunctionalInterface
    private interface Run {
        void run() throws Exception;
    }

    private void pause() {
        if (pauseNanos > 0) {
            LockSupport.parkNanos(pauseNanos);
        }
    }

    /**
     * Exact p50 and p99 of one round. Not {@link LatencyHistogram}: its buckets are 0.8 % wide, too
     * coarse to tell a fraction of a millisecond on top of Concert's 50 ms end-of-request interval.
     */
    private static double[] quantiles(long[] samples) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new double[] {sorted[(sorted.length - 1) / 2], sorted[(int) Math.ceil(0.99 * sorted.length) - 1]};
    }

    private static double median(List<double[]> rounds, int index) {
        return median(rounds.stream().mapToDouble(r -> r[index]).toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double ms(double nanos) {
        return nanos / 1e6;
    }
}
