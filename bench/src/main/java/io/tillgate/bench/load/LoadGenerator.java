package io.tillgate.bench.load;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tillgate.app.Gateway;
import io.tillgate.app.config.GatewaySettings;
import io.tillgate.app.config.TransportSettings;
import io.tillgate.core.health.TerminalMonitorSettings;
import io.tillgate.core.merchant.Merchant;
import io.tillgate.core.money.Money;
import io.tillgate.core.receipt.MerchantDetails;
import io.tillgate.core.simulated.SimulatedTiming;
import io.tillgate.journal.JdbcUrlRedactor;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * Whole-transaction load: N closed-loop PayClients against M fast simulated devices, and in the
 * same run an echo baseline over the same transport, so the result is a ratio that does not depend
 * on how fast this machine is.
 */
@Command(name = "LoadGenerator", mixinStandardHelpOptions = true, sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "Whole-transaction load generator for the Tillgate P3 gateway.",
            "",
            "Starts a gateway in this JVM (unless --gateway-url is given) with M FAST simulated terminals and one "
                    + "merchant, connects N PayClients sharing one Netty event-loop group, logs each in, and runs a "
                    + "closed loop on each: charge, wait for the final EXECUTE_TRANSACTION_RESPONSE, charge again "
                    + "(one transaction outstanding per client). Client i uses device i %% M.",
            "",
            "Then, in the same process and over the same transport, the ECHO BASELINE: a minimal Netty server "
                    + "that writes every inbound message straight back (tcp: the P3 4-byte length prefix; ws: "
                    + "WebSocket text frames), and N raw Netty clients each sending one representative P3 message "
                    + "(a real EXECUTE_TRANSACTION_UPDATE, ~400 bytes) at a time.",
            "",
            "Gateway and echo runs alternate --rounds times; every round is printed and then the MEDIAN of each "
                    + "metric. Counted: transactions and ALL P3 messages on the wire in both directions (request, "
                    + "every UPDATE/ACTION, RESPONSE); echo messages = 2 per round trip; ratio = gateway msg/s "
                    + "divided by echo msg/s. Latency: from charge() to the final response (echo: round trip). "
                    + "Only operations that both start and end in the measured window count.",
            "",
            "Each round also prints the CPU this JVM used in the window (cores; microseconds per transaction and "
                    + "per message, client and server side together) and what OTHER processes used meanwhile. On a "
                    + "shared, noisy machine 'cpu ratio' = echo CPU us/msg divided by gateway CPU us/msg is the "
                    + "noise-resistant form of the ratio. 'alloc' is heap allocated per transaction (the JVM's "
                    + "per-thread counters; in brackets the part the PayClients' threads allocated), 'GC' the "
                    + "collectors' time in the window, and 'stalls' the time a thread sleeping 1 ms at a time woke "
                    + "up 2 ms or more late, summed, and the longest (GC pauses, CPU taken by other processes): "
                    + "latency the platform added, not the gateway.",
            "",
            "Any error (refused or failed charge, status other than APPROVED, lost connection, a client with no "
                    + "answer when the run ends) is printed as ERRORS and the exit code is 1. The whole run is "
                    + "bounded: after rounds x (warmup + duration) x 2 + 2 x jit-warmup + 60 s it is stopped with "
                    + "exit code 3.",
            ""},
        footer = {"",
            "Output: one 'round N' line per round, then a 'MEDIAN' line; 'RESULT'/'MEDIAN-RESULT' lines carry the "
                    + "same numbers as key=value pairs for scripts.",
            "Exit codes: 0 success, 1 errors during the load, 2 bad arguments or set-up failure, 3 deadline exceeded.",
            "",
            "Example:",
            "  java -XX:+UseParallelGC -cp bench/target/tillgate-bench.jar io.tillgate.bench.load.LoadGenerator \\",
            "       --clients 200 --transport tcp"})
public final class LoadGenerator implements Callable<Integer> {

    static {
        // Before any logger initialises: per-transaction INFO lines would skew the run.
        if (System.getProperty("TILLGATE_LOG_LEVEL") == null) {
            System.setProperty("TILLGATE_LOG_LEVEL", "WARN");
        }
    }

    private static final String BENCH_MERCHANT = "bench";
    private static final String BENCH_SECRET = "bench-secret-123";

    @Option(names = "--clients", paramLabel = "N", defaultValue = "200",
            description = "Concurrent PayClients, one connection and one outstanding transaction each; also the "
                    + "number of echo clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--devices", paramLabel = "M",
            description = "Simulated devices (default: as many as --clients). Client i uses device i %% M. With M < N "
                    + "several clients share a device and collide: a terminal runs one transaction at a time, so "
                    + "the others get TRANSACTION_BUSY errors and the run fails. With --gateway-url: use the first "
                    + "M devices the merchant lists (default: all of them).")
    Integer devices;

    @Option(names = "--transport", paramLabel = "tcp|ws", defaultValue = "tcp",
            description = "P3 transport for the gateway and the echo baseline: tcp (4-byte length prefix) or ws "
                    + "(WebSocket text frames) (default: ${DEFAULT-VALUE}). With --gateway-url the URL's scheme "
                    + "decides.")
    String transport;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "Unmeasured warm-up before each run's measured window, e.g. 5s, 500ms, 1m "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "20s", converter = DurationConverter.class,
            description = "Measured window of each run (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--amount", paramLabel = "MAJOR", defaultValue = "10.00",
            description = "Amount of every charge. The cents choose the simulated scenario: keep them below 91 for "
                    + "a plain approval (10.00: contactless, 5 updates, 7 messages per transaction) "
                    + "(default: ${DEFAULT-VALUE}).")
    String amount;

    @Option(names = "--currency", paramLabel = "ISO", defaultValue = "EUR",
            description = "Currency of every charge (default: ${DEFAULT-VALUE}).")
    String currency;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "3",
            description = "Alternate gateway and echo runs R times and report the median of each metric "
                    + "(default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--jit-warmup", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Before round 1, one unmeasured gateway run and one echo run of this length each, so the "
                    + "JIT has compiled the hot paths: on a 2-core machine C2 keeps compiling for about 30 s of load, "
                    + "and a cold round 1 would measure the compiler, not the gateway. 0s to skip "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration jitWarmup;

    @Option(names = "--transaction-timeout", paramLabel = "DURATION", defaultValue = "3m",
            converter = DurationConverter.class,
            description = "The in-process gateway's gateway.transactionTimeout (default: ${DEFAULT-VALUE}, as "
                    + "'tillgate serve').")
    Duration transactionTimeout;

    @Option(names = "--journal", paramLabel = "URL", defaultValue = "memory",
            description = "The in-process gateway's journal.url: memory, or e.g. jdbc:sqlite:/tmp/bench-journal.db "
                    + "for the durable default of 'tillgate serve' (SQLite, synchronous=FULL, group commit); an "
                    + "existing file keeps growing across runs (default: ${DEFAULT-VALUE}).")
    String journal;

    @Option(names = "--rate", paramLabel = "TX_PER_S", defaultValue = "0",
            description = "Pace the gateway clients at this many transactions/s in total instead of a closed loop "
                    + "(each client: one charge every N/rate s, still one outstanding at most; latency counted from "
                    + "when a charge was due, so queueing is not hidden). A closed loop with zero think time "
                    + "measures capacity, and its latency is N / throughput by Little's law (200 clients at "
                    + "5000 tx/s: 40 ms mean); use --rate to measure latency at a given load. The echo baseline "
                    + "stays closed-loop, so the ratio means capacity only without --rate (default: 0, closed loop).")
    double rate;

    @Option(names = "--no-echo",
            description = "Skip the echo baseline (no ratio), e.g. while profiling the gateway.")
    boolean noEcho;

    @Option(names = "--client-threads", paramLabel = "T", defaultValue = "1",
            description = "Threads of the event-loop group shared by all PayClients and echo clients "
                    + "(default: ${DEFAULT-VALUE}).")
    int clientThreads;

    @Option(names = "--gateway-url", paramLabel = "URL",
            description = "Load an already running gateway instead of starting one in this JVM: "
                    + "tcp://host:port or ws://host:port/p3. Its devices must be FAST simulated terminals for "
                    + "comparable numbers. The echo baseline still runs in this JVM on 127.0.0.1.")
    URI gatewayUrl;

    @Option(names = "--merchant", paramLabel = "ID",
            description = "Merchant to log in as (default: 'bench' in-process; 'demo' with --gateway-url, as in "
                    + "the embedded default configuration).")
    String merchant;

    @Option(names = "--secret", paramLabel = "SECRET",
            description = "The merchant's secret (default: matches the merchant default).")
    String secret;

    @Option(names = "--rss",
            description = "Print the resident memory (VmRSS) of this JVM right after starting the in-process "
                    + "gateway and a GC, before any client exists. Indicative only: for the honest figure of an "
                    + "idle 'tillgate serve' in its own JVM use io.tillgate.bench.load.IdleMemoryProbe.")
    boolean rss;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Connect/login timeout, and how long a run waits after its window for outstanding "
                    + "answers before counting the clients as stuck (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadGenerator()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        boolean webSocket = validate();
        Duration deadline = warmup.plus(duration).multipliedBy(2L * rounds).plus(jitWarmup.multipliedBy(2))
                .plusSeconds(60);
        Watchdog.start(deadline);

        int deviceCount = devices != null ? devices : clients;
        out.printf(Locale.ROOT, "nproc %d, %s %s (%s), max heap %d MB, GC %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("java.vm.vendor"),
                Runtime.getRuntime().maxMemory() >> 20, gcNames());
        out.printf(Locale.ROOT, "transport %s, clients %d, devices %d, client threads %d, amount %s %s, %s, "
                        + "warmup %s, duration %s, rounds %d, gateway %s, deadline %d s%n",
                webSocket ? "ws" : "tcp", clients, deviceCount, clientThreads, amount, currency,
                rate > 0 ? String.format(Locale.ROOT, "paced at %.0f tx/s", rate) : "closed loop",
                text(warmup), text(duration), rounds,
                gatewayUrl == null ? "in-process (journal " + JdbcUrlRedactor.redact(journal) + ")" : gatewayUrl,
                deadline.toSeconds());
        if (devices != null && deviceCount < clients) {
            out.println("WARNING: fewer devices than clients: clients sharing a device will get TRANSACTION_BUSY");
        }

        Money money = Money.ofMajor(amount, currency);
        Gateway gateway = null;
        EventLoopGroup clientGroup = new MultiThreadIoEventLoopGroup(clientThreads,
                new DefaultThreadFactory("load-client", true), NioIoHandler.newFactory());
        GatewayLoad gatewayLoad = null;
        EchoLoad echoLoad = null;
        StallMeter stallMeter = new StallMeter();
        boolean setUp = false;
        try {
            URI endpoint;
            String merchantId;
            String merchantSecret;
            if (gatewayUrl == null) {
                merchantId = merchant != null ? merchant : BENCH_MERCHANT;
                merchantSecret = secret != null ? secret : BENCH_SECRET;
                gateway = Gateway.start(settings(merchantId, merchantSecret, deviceCount, transactionTimeout,
                        journal));
                endpoint = webSocket ? gateway.p3WebSocketUri() : gateway.p3TcpUri();
                out.println("in-process gateway on " + endpoint);
                if (rss) {
                    printInProcessRss();
                }
            } else {
                if (rss) {
                    out.println("--rss ignored with --gateway-url: measure that gateway with IdleMemoryProbe");
                }
                endpoint = gatewayUrl;
                merchantId = merchant != null ? merchant : "demo";
                merchantSecret = secret != null ? secret : "tillgate-demo-secret";
            }

            gatewayLoad = GatewayLoad.connect(endpoint, clientGroup, clients,
                    devices != null || gatewayUrl == null ? deviceCount : 0, merchantId,
                    merchantSecret, money, timeout);
            byte[] sample = gatewayLoad.sampleUpdate(timeout);
            if (!noEcho) {
                echoLoad = EchoLoad.start(webSocket, sample, clientGroup, clients, timeout);
            }
            out.printf(Locale.ROOT, "%d PayClients and %d echo clients connected; echo message: "
                    + "EXECUTE_TRANSACTION_UPDATE, %d bytes%n", clients, noEcho ? 0 : clients, sample.length);

            setUp = true;
            boolean failed = false;
            if (!jitWarmup.isZero()) {
                out.printf(Locale.ROOT, "JIT warm-up: %s gateway%s, unmeasured...%n", text(jitWarmup),
                        echoLoad == null ? "" : " + " + text(jitWarmup) + " echo");
                RunResult g = gatewayLoad.run(Duration.ZERO, jitWarmup, timeout, rate, stallMeter);
                RunResult e = echoLoad == null ? null : echoLoad.run(Duration.ZERO, jitWarmup, timeout, stallMeter);
                report("jit-warmup(ignored)", g, e);
                reportErrors(g, e);
                failed = g.failed() || (e != null && e.failed());
            }
            List<RunResult> gatewayRuns = new ArrayList<>();
            List<RunResult> echoRuns = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                settle();
                RunResult g = gatewayLoad.run(warmup, duration, timeout, rate, stallMeter);
                RunResult e = null;
                if (echoLoad != null) {
                    settle();
                    e = echoLoad.run(warmup, duration, timeout, stallMeter);
                    echoRuns.add(e);
                }
                gatewayRuns.add(g);
                failed |= g.failed() || (e != null && e.failed());
                report("round " + round, g, e);
                reportErrors(g, e);
            }
            reportMedian(gatewayRuns, echoRuns, webSocket);
            if (failed) {
                out.println("FAILED: errors during the load (see ERRORS lines above)");
                return 1;
            }
            return 0;
        } catch (Exception e) {
            if (setUp) {
                throw e;
            }
            out.println("LoadGenerator: set-up failed: " + ErrorCounts.describe(e) + ": " + e.getMessage());
            return 2;
        } finally {
            stallMeter.close();
            if (gatewayLoad != null) {
                gatewayLoad.close();
            }
            if (echoLoad != null) {
                echoLoad.close();
            }
            clientGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
            if (gateway != null) {
                gateway.close();
            }
            out.flush();
        }
    }

    private boolean validate() {
        CommandLine.Model.CommandSpec spec = new CommandLine(this).getCommandSpec();
        if (clients < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--clients must be at least 1");
        }
        if (devices != null && devices < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--devices must be at least 1");
        }
        if (rate < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rate must not be negative");
        }
        if (rounds < 1 || clientThreads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--rounds and --client-threads must be at least 1");
        }
        if (duration.isZero() || duration.isNegative() || warmup.isNegative()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--duration must be positive and --warmup not negative");
        }
        if (gatewayUrl != null) {
            String scheme = String.valueOf(gatewayUrl.getScheme()).toLowerCase(Locale.ROOT);
            if (!scheme.equals("tcp") && !scheme.equals("ws")) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--gateway-url must be tcp://host:port or ws://host:port/p3, got " + gatewayUrl);
            }
            transport = scheme;
        }
        return switch (transport.toLowerCase(Locale.ROOT)) {
            case "tcp" -> false;
            case "ws" -> true;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--transport must be tcp or ws, got " + transport);
        };
    }

    static GatewaySettings settings(String merchantId, String merchantSecret, int deviceCount, Duration timeout,
                                    String journalUrl) {
        List<GatewaySettings.TerminalSpec> terminals = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= deviceCount; i++) {
            String id = "bench-" + i;
            ids.add(id);
            terminals.add(new GatewaySettings.SimulatedTerminalSpec(id, "Bench terminal " + i, SimulatedTiming.FAST, false));
        }
        Merchant merchant = new Merchant(merchantId, merchantSecret,
                new MerchantDetails("Bench", null, null, null, null), ids);
        return new GatewaySettings("127.0.0.1", Map.of("location", "load generator"), timeout,
                Duration.ofHours(24), 40, ZoneOffset.UTC,
                new GatewaySettings.JournalSpec(journalUrl, null, null),
                new GatewaySettings.P3Settings(0, 0, 1 << 20, Duration.ofMinutes(10)), List.of(merchant), terminals,
                List.of(), TransportSettings.plaintext(), null,
                GatewaySettings.MetricsSettings.ENABLED, TerminalMonitorSettings.defaults(),
                GatewaySettings.DEFAULT_DRAIN_TIME);
    }

    private void printInProcessRss() throws InterruptedException {
        System.gc();
        Thread.sleep(500);
        System.gc();
        Thread.sleep(500);
        long heapUsed = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        out.printf(Locale.ROOT, "in-process idle RSS: VmRSS %.1f MB (heap used %.1f MB, committed %.1f MB); "
                        + "indicative, see IdleMemoryProbe%n", ProcStatus.kilobytes("self", "VmRSS") / 1024.0,
                heapUsed / 1048576.0, Runtime.getRuntime().totalMemory() / 1048576.0);
    }

    /** Levels the field between runs: the in-memory journal of earlier runs is garbage-collected first. */
    private static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(200);
    }

    private void report(String label, RunResult g, RunResult e) {
        out.printf(Locale.ROOT, "%s gateway: %.0f tx/s, %.0f msg/s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, "
                        + "errors %d | %s%n",
                label, g.operationsPerSecond(), g.messagesPerSecond(), g.percentileMillis(0.50),
                g.percentileMillis(0.99), g.percentileMillis(0.999), g.errors().total() + g.stuck(),
                e == null ? "echo: skipped" : String.format(Locale.ROOT,
                        "echo: %.0f msg/s, p50 %.2f ms, p99 %.2f ms | ratio %.1f %%", e.messagesPerSecond(),
                        e.percentileMillis(0.50), e.percentileMillis(0.99),
                        100.0 * g.messagesPerSecond() / e.messagesPerSecond()));
        out.printf(Locale.ROOT, "%s cpu: gateway run %.2f cores (other processes %.2f), %.0f us/tx, %.1f us/msg, "
                        + "alloc %.1f KB/tx (PayClients %.1f), GC %d ms, stalls %.0f ms in all (max %.0f ms)%s%n",
                " ".repeat(label.length()), g.cpu().processCores(), g.cpu().otherCores(), g.cpuMicrosPerOperation(),
                g.cpuMicrosPerMessage(), g.cpu().allocatedBytes() / 1024.0 / g.operations(),
                g.cpu().clientAllocatedBytes() / 1024.0 / g.operations(), g.cpu().gcMillis(),
                stalledMillis(g), g.cpu().stalls().maxNanos() / 1e6,
                e == null ? "" : String.format(Locale.ROOT,
                        " | echo run %.2f cores (other processes %.2f), %.1f us/msg, stalls %.0f ms in all"
                                + " | cpu ratio %.1f %%",
                        e.cpu().processCores(), e.cpu().otherCores(), e.cpuMicrosPerMessage(),
                        stalledMillis(e),
                        100.0 * e.cpuMicrosPerMessage() / g.cpuMicrosPerMessage()));
        StringBuilder result = new StringBuilder();
        result.append(String.format(Locale.ROOT, "RESULT %s gw_tx_s=%.0f gw_msg_s=%.0f gw_p50_ms=%.3f gw_p99_ms=%.3f "
                        + "gw_p999_ms=%.3f gw_max_ms=%.3f gw_tx=%d gw_errors=%d gw_cores=%.2f gw_other_cores=%.2f "
                        + "gw_cpu_us_tx=%.1f gw_cpu_us_msg=%.2f gw_alloc_kb_tx=%.1f gw_client_alloc_kb_tx=%.1f "
                        + "gw_gc_ms=%d gw_stalled_ms=%.0f gw_stall_max_ms=%.1f",
                label.replace(' ', '='), g.operationsPerSecond(), g.messagesPerSecond(), g.percentileMillis(0.50),
                g.percentileMillis(0.99), g.percentileMillis(0.999), g.latency().maxNanos() / 1e6,
                g.operations(), g.errors().total() + g.stuck(), g.cpu().processCores(), g.cpu().otherCores(),
                g.cpuMicrosPerOperation(), g.cpuMicrosPerMessage(),
                g.cpu().allocatedBytes() / 1024.0 / g.operations(),
                g.cpu().clientAllocatedBytes() / 1024.0 / g.operations(), g.cpu().gcMillis(),
                stalledMillis(g), g.cpu().stalls().maxNanos() / 1e6));
        if (e != null) {
            result.append(String.format(Locale.ROOT, " echo_msg_s=%.0f echo_p50_ms=%.3f echo_p99_ms=%.3f "
                            + "echo_errors=%d echo_cores=%.2f echo_other_cores=%.2f echo_cpu_us_msg=%.2f "
                            + "ratio_pct=%.1f cpu_ratio_pct=%.1f",
                    e.messagesPerSecond(), e.percentileMillis(0.50), e.percentileMillis(0.99),
                    e.errors().total() + e.stuck(), e.cpu().processCores(), e.cpu().otherCores(),
                    e.cpuMicrosPerMessage(), 100.0 * g.messagesPerSecond() / e.messagesPerSecond(),
                    100.0 * e.cpuMicrosPerMessage() / g.cpuMicrosPerMessage()));
        }
        out.println(result);
    }

    /** Milliseconds the 1 ms sleeper overslept in stalls of 2 ms or more: time the whole JVM stood still. */
    private static double stalledMillis(RunResult r) {
        return r.cpu().stalls().sumAtOrAbove(2_000_000) / 1e6;
    }

    private void reportErrors(RunResult g, RunResult e) {
        if (g.failed()) {
            out.println("ERRORS gateway: " + g.errors().summary() + (g.stuck() > 0 ? " (stuck clients " + g.stuck()
                    + ")" : ""));
        }
        if (e != null && e.failed()) {
            out.println("ERRORS echo: " + e.errors().summary() + (e.stuck() > 0 ? " (stuck clients " + e.stuck()
                    + ")" : ""));
        }
    }

    private void reportMedian(List<RunResult> g, List<RunResult> e, boolean webSocket) {
        double tx = median(g, RunResult::operationsPerSecond);
        double msg = median(g, RunResult::messagesPerSecond);
        double p50 = median(g, r -> r.percentileMillis(0.50));
        double p99 = median(g, r -> r.percentileMillis(0.99));
        double p999 = median(g, r -> r.percentileMillis(0.999));
        boolean echoed = !e.isEmpty();
        double echo = echoed ? median(e, RunResult::messagesPerSecond) : Double.NaN;
        double echoP50 = echoed ? median(e, r -> r.percentileMillis(0.50)) : Double.NaN;
        double echoP99 = echoed ? median(e, r -> r.percentileMillis(0.99)) : Double.NaN;
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < e.size(); i++) {
            ratios.add(100.0 * g.get(i).messagesPerSecond() / e.get(i).messagesPerSecond());
        }
        double ratio = echoed ? median(ratios) : Double.NaN;
        double usTx = median(g, RunResult::cpuMicrosPerOperation);
        double usMsg = median(g, RunResult::cpuMicrosPerMessage);
        double cores = median(g, r -> r.cpu().processCores());
        double others = median(g, r -> r.cpu().otherCores());
        double echoUsMsg = echoed ? median(e, RunResult::cpuMicrosPerMessage) : Double.NaN;
        double allocKb = median(g, r -> r.cpu().allocatedBytes() / 1024.0 / r.operations());
        double clientAllocKb = median(g, r -> r.cpu().clientAllocatedBytes() / 1024.0 / r.operations());
        List<Double> cpuRatios = new ArrayList<>();
        for (int i = 0; i < e.size(); i++) {
            cpuRatios.add(100.0 * e.get(i).cpuMicrosPerMessage() / g.get(i).cpuMicrosPerMessage());
        }
        double cpuRatio = echoed ? median(cpuRatios) : Double.NaN;
        long errors = g.stream().mapToLong(r -> r.errors().total() + r.stuck()).sum();
        out.printf(Locale.ROOT, "MEDIAN of %d (%s) gateway: %.0f tx/s, %.0f msg/s, p50 %.2f ms, p99 %.2f ms, "
                        + "p99.9 %.2f ms, errors %d | echo: %.0f msg/s, p50 %.2f ms, p99 %.2f ms | ratio %.1f %%%n",
                g.size(), webSocket ? "ws" : "tcp", tx, msg, p50, p99, p999, errors, echo, echoP50, echoP99, ratio);
        out.printf(Locale.ROOT, "MEDIAN cpu: gateway run %.2f cores (other processes %.2f), %.0f us/tx, %.1f us/msg, "
                + "alloc %.1f KB/tx (PayClients %.1f) | echo %.1f us/msg | cpu ratio %.1f %%%n", cores, others, usTx,
                usMsg, allocKb, clientAllocKb, echoUsMsg, cpuRatio);
        out.printf(Locale.ROOT, "MEDIAN-RESULT transport=%s clients=%d nproc=%d java=%s gw_tx_s=%.0f gw_msg_s=%.0f "
                        + "gw_p50_ms=%.3f gw_p99_ms=%.3f gw_p999_ms=%.3f echo_msg_s=%.0f echo_p50_ms=%.3f "
                        + "echo_p99_ms=%.3f ratio_pct=%.1f errors=%d gw_cores=%.2f gw_other_cores=%.2f "
                        + "gw_cpu_us_tx=%.1f gw_cpu_us_msg=%.2f gw_alloc_kb_tx=%.1f gw_client_alloc_kb_tx=%.1f "
                        + "echo_cpu_us_msg=%.2f cpu_ratio_pct=%.1f%n",
                webSocket ? "ws" : "tcp", clients, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), tx, msg, p50, p99, p999, echo, echoP50, echoP99, ratio, errors,
                cores, others, usTx, usMsg, allocKb, clientAllocKb, echoUsMsg, cpuRatio);
        out.printf(Locale.ROOT, "targets: >= 5000 tx/s %s, p99 < 20 ms %s, ratio >= 40 %% %s%s%n",
                tx >= 5000 ? "PASS" : "MISS", p99 < 20 ? "PASS" : "MISS",
                !echoed ? "n/a" : rate > 0 ? "n/a (paced)" : ratio >= 40 ? "PASS" : "MISS",
                rate > 0 ? String.format(Locale.ROOT, " (paced at %.0f tx/s)", rate) : "");
    }

    private static double median(List<RunResult> runs, ToDoubleFunction<RunResult> metric) {
        List<Double> values = new ArrayList<>();
        runs.forEach(r -> values.add(metric.applyAsDouble(r)));
        return median(values);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String gcNames() {
        return String.join("+", java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
    }

    static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** 500ms, 5s, 2m, 1h, or an ISO-8601 duration. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return parseDuration(value);
        }
    }

    static Duration parseDuration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
            }
            if (v.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)) * 60);
            }
            if (v.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            return Duration.parse(value);
        } catch (RuntimeException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (e.g. 500ms, 5s, 2m)");
        }
    }

    /** Ends the process when the whole run outlives its deadline, e.g. because the gateway hangs. */
    static final class Watchdog {
        private Watchdog() {
        }

        static void start(Duration deadline) {
            Thread thread = new Thread(() -> {
                try {
                    Thread.sleep(deadline.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                System.out.flush();
                System.err.println("LoadGenerator: overall deadline of " + deadline.toSeconds()
                        + " s exceeded; stopping (exit code 3)");
                System.err.flush();
                Runtime.getRuntime().halt(3);
            }, "load-deadline");
            thread.setDaemon(true);
            thread.start();
        }
    }
}
