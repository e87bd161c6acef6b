package io.tillgate.bench.load;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tillgate.core.money.Money;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What an idle logged-in P3 WebSocket connection costs the gateway, and whether holding many of
 * them slows payments: heap after GC and RSS per connection, and the payments' p99 at a fixed rate
 * with and without the connections, all in one run against one gateway in a child JVM.
 */
@Command(name = "IdleConnectionsProbe", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {
            "Measures the gateway's memory per idle logged-in P3 WebSocket connection, and payment latency while "
                    + "the connections are held.",
            "",
            "Starts 'tillgate serve' in a child JVM (as IdleMemoryProbe does: this classpath or --app-jar, "
                    + "--java-opts, a scratch directory) with one merchant and --devices FAST simulated terminals, the "
                    + "in-memory journal, P3 idle timeout 1h and connection limits that admit the connections. Then:",
            "  1. payments without idle connections (after --jit-warmup): --payment-clients PayClients "
                    + "from 127.0.0.1 paced at --rate tx/s for --warmup + --duration; p50/p99 from charge to final "
                    + "response;",
            "  2. waits --settle; heap after a full GC (the live bytes of 'jcmd PID GC.class_histogram') and VmRSS;",
            "  3. opens --connections WebSocket connections from 127.0.0.2 … 127.0.0.(1+--addresses), each logs "
                    + "in and then stays silent; waits --settle; heap after GC and VmRSS again; the difference "
                    + "divided by the connections is the cost of one, and the classes that grew most are listed;",
            "  4. payments again while the connections are held;",
            "  5. closes the connections, waits --settle, and runs the payments once more (the baseline's second "
                    + "half, so both sides of the comparison share the run's conditions).",
            "",
            "This process holds the client side of every connection: it and the gateway each need --connections "
                    + "+ a few hundred open files ('ulimit -n'). Linux only (/proc, loopback 127.0.0.0/8)."},
        footer = {"", "Output ends with an IDLE-CONNECTIONS-RESULT line of key=value pairs for scripts.",
            "Exit codes: 0 within both targets, 1 a target missed or a payment failed, 2 set-up failure.", "",
            "Example:", "  java -cp bench/target/tillgate-bench.jar io.tillgate.bench.load.IdleConnectionsProbe "
                    + "--connections 19000"})
public final class IdleConnectionsProbe implements Callable<Integer> {

    private static final String MERCHANT = "idle";
    private static final String SECRET = "idle-probe-secret";

    @Option(names = "--connections", paramLabel = "N", defaultValue = "19000",
            description = "Idle logged-in connections to hold (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--addresses", paramLabel = "A", defaultValue = "8",
            description = "Local addresses the idle connections come from, 127.0.0.2 onwards (default: "
                    + "${DEFAULT-VALUE}).")
    int addresses;

    @Option(names = "--rate", paramLabel = "TX_PER_S", defaultValue = "1000",
            description = "Payments per second in the payment phases (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--payment-clients", paramLabel = "C", defaultValue = "100",
            description = "PayClients that pay, one device each (default: ${DEFAULT-VALUE}).")
    int paymentClients;

    @Option(names = "--jit-warmup", paramLabel = "DURATION", defaultValue = "30s",
            converter = LoadGenerator.DurationConverter.class,
            description = "Unmeasured payments first, so the JIT has compiled the gateway before anything is "
                    + "measured (default: ${DEFAULT-VALUE}).")
    Duration jitWarmup;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "10s",
            converter = LoadGenerator.DurationConverter.class,
            description = "Unmeasured payments before each measured window (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "30s",
            converter = LoadGenerator.DurationConverter.class,
            description = "Measured window of each payment phase (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--settle", paramLabel = "DURATION", defaultValue = "5s",
            converter = LoadGenerator.DurationConverter.class,
            description = "Quiet time before each memory reading (default: ${DEFAULT-VALUE}).")
    Duration settle;

    @Option(names = "--java-opts", paramLabel = "OPTS", defaultValue = "-XX:+UseParallelGC",
            description = "JVM options of the gateway (default: ${DEFAULT-VALUE}, as './tillgate serve').")
    String javaOpts;

    @Option(names = "--app-jar", paramLabel = "JAR",
            description = "Run 'java -jar JAR serve' (e.g. app/target/tillgate.jar) instead of this classpath.")
    Path appJar;

    @Option(names = "--limit-heap-bytes", paramLabel = "BYTES", defaultValue = "4096",
            description = "Target heap per idle connection (default: ${DEFAULT-VALUE}).")
    long limitHeapBytes;

    @Option(names = "--limit-p99-ms", paramLabel = "MS", defaultValue = "50",
            description = "Target payment p99 while the connections are held (default: ${DEFAULT-VALUE}).")
    double limitP99Millis;

    @Option(names = "--top", paramLabel = "K", defaultValue = "25",
            description = "Classes listed in the heap growth per connection (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
            converter = LoadGenerator.DurationConverter.class,
            description = "Start-up, connect and login timeout (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    public static void main(String[] args) {
        System.exit(new CommandLine(new IdleConnectionsProbe()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<InetAddress> from = new ArrayList<>();
        for (int i = 0; i < addresses; i++) {
            from.add(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + i)}));
        }
        ChildGateway gateway;
        try {
            gateway = ChildGateway.start(config(), javaOpts, appJar, timeout);
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
            return 2;
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("idle-probe", true),
                NioIoHandler.newFactory());
        StallMeter stalls = new StallMeter();
        try (gateway) {
            URI endpoint = gateway.webSocket();
            String pid = gateway.pid();
            System.out.printf(Locale.ROOT, "gateway pid %s on %s, ready after %.1f s; open files: %s%n", pid, endpoint,
                    gateway.startSeconds(), openFileLimit(pid));
            RunResult before;
            RunResult held;
            RunResult after;
            Memory idle;
            Memory loaded;
            HeapHistogram idleHistogram;
            HeapHistogram loadedHistogram;
            int dropped;
            try (GatewayLoad payments = GatewayLoad.connect(endpoint, group, paymentClients, paymentClients, MERCHANT,
                    SECRET, Money.ofMajor("10.00", "EUR"), timeout)) {
                // The JIT and the pools warm up before any reading, so the baseline is not the cold gateway.
                report("jit warm-up (ignored)", payments.run(Duration.ZERO, jitWarmup, timeout, rate, stalls));
                before = payments.run(warmup, duration, timeout, rate, stalls);
                report("payments, no idle connections", before);
                // No payment between the two readings: the journal's records would count as connections' cost.
                settle();
                idleHistogram = HeapHistogram.of(pid);
                idle = Memory.of(pid, idleHistogram);
                System.out.println("without idle connections: " + idle);

                long opening = System.nanoTime();
                try (IdleWebSocketClients idleClients = IdleWebSocketClients.open(endpoint, from, connections,
                        MERCHANT, SECRET, group, timeout)) {
                    System.out.printf(Locale.ROOT, "%d connections logged in from %s … %s in %.1f s%n",
                            idleClients.size(), from.get(0).getHostAddress(),
                            from.get(from.size() - 1).getHostAddress(), (System.nanoTime() - opening) / 1e9);
                    settle();
                    loadedHistogram = HeapHistogram.of(pid);
                    loaded = Memory.of(pid, loadedHistogram);
                    System.out.println("with " + connections + " idle connections: " + loaded);
                    held = payments.run(warmup, duration, timeout, rate, stalls);
                    report("payments, " + connections + " idle connections held", held);
                    dropped = idleClients.dropped();
                }
                settle();
                after = payments.run(warmup, duration, timeout, rate, stalls);
                report("payments, idle connections closed", after);
            }

            double heapPer = (double) (loaded.heapBytes - idle.heapBytes) / connections;
            double rssPer = (loaded.rssKb - idle.rssKb) * 1024.0 / connections;
            System.out.println();
            System.out.println("heap growth per idle connection, by class (bytes, objects):");
            for (String line : loadedHistogram.growthOver(idleHistogram, connections, top)) {
                System.out.println("  " + line);
            }
            // The phase after the connections closed is the baseline: it runs on a gateway as warm as the held one.
            double p99None = after.percentileMillis(0.99);
            double p99Held = held.percentileMillis(0.99);
            boolean failed = before.failed() || held.failed() || after.failed() || dropped > 0;
            System.out.printf(Locale.ROOT, "%nper idle connection: heap after GC %.0f B, RSS %.0f B (%d connections, "
                    + "%d dropped by the gateway)%n", heapPer, rssPer, connections, dropped);
            System.out.printf(Locale.ROOT, "payment p99 at %.0f/s: %.2f ms held, %.2f / %.2f ms without (before / "
                    + "after); p50 %.2f ms held, %.2f / %.2f ms without%n", rate, p99Held,
                    before.percentileMillis(0.99), after.percentileMillis(0.99), held.percentileMillis(0.5),
                    before.percentileMillis(0.5), after.percentileMillis(0.5));
            System.out.printf(Locale.ROOT, "IDLE-CONNECTIONS-RESULT connections=%d heap_per_conn_b=%.0f "
                    + "rss_per_conn_b=%.0f heap_idle_mb=%.1f heap_loaded_mb=%.1f rss_idle_mb=%.1f rss_loaded_mb=%.1f "
                    + "threads_idle=%d threads_loaded=%d p99_none_ms=%.2f p99_held_ms=%.2f p99_none_after_ms=%.2f "
                    + "rate=%.0f dropped=%d%n", connections, heapPer, rssPer, idle.heapBytes / 1048576.0,
                    loaded.heapBytes / 1048576.0, idle.rssKb / 1024.0, loaded.rssKb / 1024.0, idle.threads,
                    loaded.threads, before.percentileMillis(0.99), p99Held, after.percentileMillis(0.99), rate,
                    dropped);
            boolean heapMet = heapPer <= limitHeapBytes;
            boolean p99Met = p99Held <= limitP99Millis;
            System.out.printf(Locale.ROOT, "target: heap per idle connection <= %d B %s; payment p99 held <= %.0f ms "
                    + "%s (without, after they closed: %.2f ms)%s%n", limitHeapBytes, heapMet ? "PASS" : "MISS",
                    limitP99Millis, p99Met ? "PASS" : "MISS", p99None,
                    failed ? "; FAILED: errors or dropped connections" : "");
            return heapMet && p99Met && !failed ? 0 : 1;
        } catch (IllegalStateException e) {
            System.out.println("FAILED: " + e.getMessage());
            return 2;
        } finally {
            stalls.close();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
    }

    private void settle() throws InterruptedException {
        Thread.sleep(settle.toMillis());
    }

    private static void report(String phase, RunResult result) {
        System.out.printf(Locale.ROOT, "%s: %.0f tx/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms%s%n", phase,
                result.operationsPerSecond(), result.percentileMillis(0.5), result.percentileMillis(0.99),
                result.latency().maxNanos() / 1e6, result.failed() ? ", ERRORS " + result.errors() : "");
    }

    /** The soft and hard open-file limits of {@code pid}, from /proc. */
    private static String openFileLimit(String pid) {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", pid, "limits"))) {
                if (line.startsWith("Max open files")) {
                    String[] fields = line.substring("Max open files".length()).trim().split("\\s+");
                    return fields[0] + " (hard " + fields[1] + ")";
                }
            }
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }

    private String config() {
        StringBuilder terminals = new StringBuilder();
        StringBuilder ids = new StringBuilder();
        for (int i = 1; i <= paymentClients; i++) {
            terminals.append("  - {id: sim-").append(i).append(", type: simulated, speed: fast}\n");
            ids.append(i == 1 ? "" : ", ").append("sim-").append(i);
        }
        int limit = connections + paymentClients + 100;
        return """
                gateway:
                  host: 127.0.0.1
                  limits: {maxConnections: %d, maxConnectionsPerAddress: %d}
                journal: {url: memory}
                p3: {websocketPort: 0, tcpPort: 0, idleTimeout: 1h}
                admin: {enabled: false}
                merchants:
                  - {id: %s, secret: %s, terminals: [%s]}
                terminals:
                %s""".formatted(limit, limit, MERCHANT, SECRET, ids, terminals);
    }

    /** Heap after GC, RSS and threads of the gateway at one moment. */
    private record Memory(long heapBytes, long rssKb, long threads) {

        static Memory of(String pid, HeapHistogram histogram) {
            return new Memory(histogram.totalBytes(), ProcStatus.kilobytes(pid, "VmRSS"),
                    ProcStatus.kilobytes(pid, "Threads"));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "heap after GC %.1f MB, VmRSS %.1f MB, %d threads", heapBytes / 1048576.0,
                    rssKb / 1024.0, threads);
        }
    }
}
