package io.tillgate.bench.load;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tillgate.app.Gateway;
import io.tillgate.app.config.GatewaySettings;
import io.tillgate.app.metrics.GatewayMetrics;
import io.tillgate.core.money.Money;
import io.tillgate.journal.JdbcUrlRedactor;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * What metrics cost a gateway under load: the same closed-loop P3 load against two in-process
 * gateways, one with metrics and one without, in alternating rounds (each round switching which
 * goes first), and the median transactions per second of each with their ratio. While the gateway
 * with metrics is under load it is scraped at a fixed interval, as Prometheus would.
 */
@Command(name = "MetricsLoadComparison", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the P3 load against a gateway with metrics and one without in alternating rounds; "
                + "prints each round, the medians and the tx/s with metrics as a share of the tx/s without."},
        footer = {"", "Example:", "  java -XX:+UseParallelGC -cp bench/target/tillgate-bench.jar "
                + "io.tillgate.bench.load.MetricsLoadComparison --clients 200"})
public final class MetricsLoadComparison implements Callable<Integer> {

    static {
        // Before any logger initialises: per-transaction INFO lines would skew the run.
        if (System.getProperty("TILLGATE_LOG_LEVEL") == null) {
            System.setProperty("TILLGATE_LOG_LEVEL", "WARN");
        }
    }

    private static final String MERCHANT = "bench";
    private static final String SECRET = "bench-secret-123";

    private final PrintStream out = System.out;

    @Option(names = "--clients", defaultValue = "200",
            description = "PayClients per gateway, each on a simulated terminal of its own "
                    + "(default: ${DEFAULT-VALUE}).")
    private int clients;

    @Option(names = "--journal", defaultValue = "memory",
            description = "Journal of both gateways: memory, or a JDBC URL with %%s for the gateway's name "
                    + "(jdbc:sqlite:/tmp/%%s.db) (default: ${DEFAULT-VALUE}).")
    private String journal;

    @Option(names = "--scrape-interval", defaultValue = "1s", converter = LoadGenerator.DurationConverter.class,
            description = "How often the gateway with metrics is scraped while under load (default: ${DEFAULT-VALUE}; "
                    + "Prometheus's default is 1m, a common setting 15s).")
    private Duration scrapeInterval;

    @Option(names = "--warmup", defaultValue = "3s", converter = LoadGenerator.DurationConverter.class,
            description = "Unmeasured start of each run (default: ${DEFAULT-VALUE}).")
    private Duration warmup;

    @Option(names = "--duration", defaultValue = "10s", converter = LoadGenerator.DurationConverter.class,
            description = "Measured part of each run (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--rounds", defaultValue = "9", description = "Alternating rounds (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--jit-warmup", defaultValue = "20s", converter = LoadGenerator.DurationConverter.class,
            description = "One unmeasured run of each gateway first (default: ${DEFAULT-VALUE}).")
    private Duration jitWarmup;

    @Option(names = "--client-threads", defaultValue = "1", description = "Event loops of all PayClients.")
    private int clientThreads;

    public static void main(String[] args) {
        System.exit(new CommandLine(new MetricsLoadComparison()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (!journal.equals(GatewaySettings.JournalSpec.MEMORY) && !journal.contains("%s")) {
            System.err.println("--journal must be memory or hold %s, so that each gateway has a journal of its own");
            return 2;
        }
        Duration timeout = Duration.ofSeconds(30);
        LoadGenerator.Watchdog.start(warmup.plus(duration).multipliedBy(2L * rounds).plus(jitWarmup.multipliedBy(2))
                .plusSeconds(120));
        GatewaySettings withMetrics = settings("with-metrics", GatewaySettings.MetricsSettings.ENABLED);
        GatewaySettings without = settings("without-metrics", GatewaySettings.MetricsSettings.DISABLED);
        out.printf(Locale.ROOT, "nproc %d, %s %s, clients %d, journal %s, scrape every %s, warmup %s, duration %s, "
                        + "rounds %d%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), clients, JdbcUrlRedactor.redact(journal), scrapeInterval, warmup,
                duration, rounds);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(clientThreads, new DefaultThreadFactory("load-client",
                true), NioIoHandler.newFactory());
        Money amount = Money.ofMajor("10.00", "EUR");
        try (Gateway metered = Gateway.start(withMetrics);
                Gateway plain = Gateway.start(without);
                GatewayLoad meteredLoad = GatewayLoad.connect(metered.p3TcpUri(), group, clients, clients, MERCHANT,
                        SECRET, amount, timeout);
                GatewayLoad plainLoad = GatewayLoad.connect(plain.p3TcpUri(), group, clients, clients, MERCHANT,
                        SECRET, amount, timeout);
                StallMeter stalls = new StallMeter();
                Scraper scraper = new Scraper(metered.metrics().orElseThrow(), scrapeInterval)) {
            out.printf("with metrics %s, without %s; JIT warm-up %s each%n", metered.p3TcpUri(), plain.p3TcpUri(),
                    jitWarmup);
            scraper.during(() -> meteredLoad.run(Duration.ZERO, jitWarmup, timeout, 0, stalls));
            plainLoad.run(Duration.ZERO, jitWarmup, timeout, 0, stalls);
            Run plainRun = () -> plainLoad.run(warmup, duration, timeout, 0, stalls);
            Run meteredRun = () -> scraper.during(() -> meteredLoad.run(warmup, duration, timeout, 0, stalls));
            List<RunResult> meteredRuns = new ArrayList<>();
            List<RunResult> plainRuns = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                // Odd rounds start without metrics, even ones with, so that the machine's speed
                // drifting during a round favours neither side.
                RunResult off;
                RunResult on;
                if (round % 2 == 1) {
                    off = plainRun.run();
                    on = meteredRun.run();
                } else {
                    on = meteredRun.run();
                    off = plainRun.run();
                }
                meteredRuns.add(on);
                plainRuns.add(off);
                ratios.add(on.operationsPerSecond() / off.operationsPerSecond());
                out.printf(Locale.ROOT, "round %d: without %s | with %s | with/without %.1f %% | other processes "
                        + "%.2f / %.2f cores%n", round, off.summary(), on.summary(), 100 * ratios.get(round - 1),
                        off.cpu().otherCores(), on.cpu().otherCores());
            }
            double offTx = RunResult.median(plainRuns, RunResult::operationsPerSecond);
            double onTx = RunResult.median(meteredRuns, RunResult::operationsPerSecond);
            double offCpu = RunResult.median(plainRuns, RunResult::cpuMicrosPerOperation);
            double onCpu = RunResult.median(meteredRuns, RunResult::cpuMicrosPerOperation);
            double paired = median(ratios);
            out.printf(Locale.ROOT, "MEDIAN: without %.0f tx/s, %.1f CPU us/tx | with %.0f tx/s, %.1f CPU us/tx | "
                    + "with/without %.1f %% of tx/s, CPU per tx %+.1f %%%n", offTx, offCpu, onTx, onCpu,
                    100 * onTx / offTx, 100 * (onCpu / offCpu - 1));
            out.printf(Locale.ROOT, "MEDIAN OF THE ROUNDS' RATIOS: with/without %.1f %% of tx/s, "
                    + "metrics cost %.1f %%%n", 100 * paired, 100 * (1 - paired));
            long scrapes = Math.max(1, scraper.scrapes.get());
            out.printf(Locale.ROOT, "scrapes: %d, %.2f ms and %.2f CPU ms each on average, %d characters the last%n",
                    scraper.scrapes.get(), scraper.scrapeNanos.get() / 1e6 / scrapes,
                    scraper.scrapeCpuNanos.get() / 1e6 / scrapes, scraper.lastCharacters.get());
            boolean failed = meteredRuns.stream().anyMatch(RunResult::failed)
                    || plainRuns.stream().anyMatch(RunResult::failed);
            return failed ? 1 : 0;
        } finally {
            group.shutdownGracefully();
        }
    }

    /**
     * The median of the rounds' ratios: each round's two runs ran back to back, so their ratio
     * varies less with the machine's load than either run's rate.
     */
    private static double median(List<Double> ratios) {
        List<Double> sorted = ratios.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private GatewaySettings settings(String name, GatewaySettings.MetricsSettings metrics) {
        String url = journal.equals(GatewaySettings.JournalSpec.MEMORY) ? journal : String.format(journal, name);
        return LoadGenerator.settings(MERCHANT, SECRET, clients, Duration.ofMinutes(3), url).withMetrics(metrics);
    }

    /** Scrapes a gateway's metrics at a fixed interval while a run is under way, as Prometheus would. */
    private static final class Scraper implements AutoCloseable {

        private final GatewayMetrics metrics;
        private final Duration interval;
        private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread scraping = new Thread(runnable, "metrics-scraper");
            scraping.setDaemon(true);
            return scraping;
        });
        final AtomicLong scrapes = new AtomicLong();
        final AtomicLong scrapeNanos = new AtomicLong();
        final AtomicLong scrapeCpuNanos = new AtomicLong();
        final AtomicLong lastCharacters = new AtomicLong();

        Scraper(GatewayMetrics metrics, Duration interval) {
            this.metrics = metrics;
            this.interval = interval;
        }

        RunResult during(Run run) throws InterruptedException {
            var scraping = thread.scheduleAtFixedRate(this::scrape, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
            try {
                return run.run();
            } finally {
                scraping.cancel(false);
            }
        }

        private void scrape() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long started = System.nanoTime();
            long startedCpu = threads.getCurrentThreadCpuTime();
            String text = metrics.scrape();
            scrapeCpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - startedCpu);
            scrapeNanos.addAndGet(System.nanoTime() - started);
            scrapes.incrementAndGet();
            lastCharacters.set(text.length());
        }

        @Override
        public void close() {
            thread.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Run {
        RunResult run() throws InterruptedException;
    }
}
