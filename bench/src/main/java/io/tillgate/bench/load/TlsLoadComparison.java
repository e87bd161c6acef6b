package io.tillgate.bench.load;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tillgate.app.Gateway;
import io.tillgate.app.config.GatewaySettings;
import io.tillgate.app.config.TransportSettings;
import io.tillgate.core.money.Money;
import io.tillgate.transport.ConnectionLimits;
import io.tillgate.transport.LocalCa;
import io.tillgate.transport.ServerTls;
import io.tillgate.tls.TlsPolicy;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * What TLS costs a gateway under load: the same closed-loop P3 load against two in-process
 * gateways, one plaintext and one with TLS (certificates of a throw-away local CA), in alternating
 * rounds, and the median transactions per second of each with their ratio.
 */
@Command(name = "TlsLoadComparison", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the P3 load against a plaintext and a TLS gateway in alternating rounds; prints each "
                + "round, the medians and TLS tx/s as a share of plaintext tx/s."},
        footer = {"", "Example:", "  java -XX:+UseParallelGC -cp bench/target/tillgate-bench.jar "
                + "io.tillgate.bench.load.TlsLoadComparison --clients 200 --transport tcp"})
public final class TlsLoadComparison implements Callable<Integer> {

    private static final String MERCHANT = "bench";
    private static final String SECRET = "bench-secret-123";

    private final PrintStream out = System.out;

    @Option(names = "--clients", defaultValue = "200",
            description = "PayClients per gateway (default: ${DEFAULT-VALUE}).")
    private int clients;

    @Option(names = "--transport", defaultValue = "tcp", description = "tcp (tls://) or ws (wss://); default tcp.")
    private String transport;

    @Option(names = "--warmup", defaultValue = "5s", converter = LoadGenerator.DurationConverter.class,
            description = "Unmeasured start of each run (default: ${DEFAULT-VALUE}).")
    private Duration warmup;

    @Option(names = "--duration", defaultValue = "20s", converter = LoadGenerator.DurationConverter.class,
            description = "Measured part of each run (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--rounds", defaultValue = "3", description = "Alternating rounds (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--jit-warmup", defaultValue = "20s", converter = LoadGenerator.DurationConverter.class,
            description = "One unmeasured run of each gateway first (default: ${DEFAULT-VALUE}).")
    private Duration jitWarmup;

    @Option(names = "--client-threads", defaultValue = "1", description = "Event loops of all PayClients.")
    private int clientThreads;

    public static void main(String[] args) {
        System.exit(new CommandLine(new TlsLoadComparison()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        boolean webSocket = transport.equals("ws");
        Path certs = Files.createTempDirectory("tillgate-tls-bench");
        LocalCa ca = LocalCa.create(certs, "Bench CA");
        ca.issueServer(List.of("localhost", "127.0.0.1"));
        Duration timeout = Duration.ofSeconds(30);
        LoadGenerator.Watchdog.start(warmup.plus(duration).multipliedBy(2L * rounds).plus(jitWarmup.multipliedBy(2))
                .plusSeconds(120));
        GatewaySettings plain = LoadGenerator.settings(MERCHANT, SECRET, clients, Duration.ofMinutes(3), "memory");
        GatewaySettings secure = plain.withTransport(new TransportSettings(ServerTls.fromPem(
                certs.resolve(LocalCa.SERVER_CERTIFICATE), certs.resolve(LocalCa.SERVER_KEY), null), "bench CA",
                ConnectionLimits.defaults(), Set.of()));
        out.printf(Locale.ROOT, "nproc %d, %s %s, TLS through %s, transport %s, clients %d, warmup %s, duration %s, "
                        + "rounds %d%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), TlsPolicy.provider(), webSocket ? "ws / wss" : "tcp / tls", clients,
                warmup, duration, rounds);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(clientThreads, new DefaultThreadFactory("load-client",
                true), NioIoHandler.newFactory());
        Money amount = Money.ofMajor("10.00", "EUR");
        try (Gateway plainGateway = Gateway.start(plain);
                Gateway tlsGateway = Gateway.start(secure);
                GatewayLoad plainLoad = GatewayLoad.connect(endpoint(plainGateway, webSocket), null, group, clients,
                        clients, MERCHANT, SECRET, amount, timeout);
                GatewayLoad tlsLoad = GatewayLoad.connect(endpoint(tlsGateway, webSocket), ca.caCertificate(), group,
                        clients, clients, MERCHANT, SECRET, amount, timeout);
                StallMeter stalls = new StallMeter()) {
            out.printf("plaintext %s, TLS %s; JIT warm-up %s each%n", endpoint(plainGateway, webSocket),
                    endpoint(tlsGateway, webSocket), jitWarmup);
            plainLoad.run(Duration.ZERO, jitWarmup, timeout, 0, stalls);
            tlsLoad.run(Duration.ZERO, jitWarmup, timeout, 0, stalls);
            List<RunResult> plainRuns = new ArrayList<>();
            List<RunResult> tlsRuns = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                RunResult p = plainLoad.run(warmup, duration, timeout, 0, stalls);
                RunResult t = tlsLoad.run(warmup, duration, timeout, 0, stalls);
                plainRuns.add(p);
                tlsRuns.add(t);
                out.printf(Locale.ROOT, "round %d: plaintext %s | TLS %s | TLS/plaintext %.1f %%%n", round,
                        p.summary(), t.summary(), 100 * t.operationsPerSecond() / p.operationsPerSecond());
            }
            double plainTx = RunResult.median(plainRuns, RunResult::operationsPerSecond);
            double tlsTx = RunResult.median(tlsRuns, RunResult::operationsPerSecond);
            out.printf(Locale.ROOT, "MEDIAN: plaintext %.0f tx/s, p99 %.1f ms | TLS %.0f tx/s, p99 %.1f ms | "
                            + "TLS/plaintext %.1f %%%n", plainTx,
                    RunResult.median(plainRuns, r -> r.percentileMillis(0.99)), tlsTx,
                    RunResult.median(tlsRuns, r -> r.percentileMillis(0.99)), 100 * tlsTx / plainTx);
        } finally {
            group.shutdownGracefully();
        }
        return 0;
    }

    private static URI endpoint(Gateway gateway, boolean webSocket) {
        return webSocket ? gateway.p3WebSocketUri() : gateway.p3TcpUri();
    }
}
