package io.tillgate.bench.cluster;

import io.tillgate.core.money.Money;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.PayClientException;
import io.tillgate.p3.client.TransactionStatus;
import io.tillgate.p3.codec.P3Transaction;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How long a terminal is out of service when the node driving it dies: from {@code kill -9} of its
 * holder to the next payment on it approved through another node, while that node's POS retries
 * every 50 ms.
 */
@Command(name = "ClusterFailover", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {
            "Fail-over time of a three-node Tillgate cluster (docs/cluster.md), for each lease time given.",
            "",
            "For each lease time: a database of its own, the emulated IPP terminals in a JVM of their own, three "
                    + "'tillgate serve' nodes. Each round waits until every terminal is held by the node it hashes "
                    + "to, picks a random node holding a terminal, keeps a payment running on that terminal through "
                    + "it, and kill -9s it. From the kill on, a POS connected to the two other nodes charges the "
                    + "terminal every 50 ms (alternating between them, a new tag each time) until a charge is "
                    + "APPROVED: that time is the round's fail-over. Then the killed node is started again.",
            "",
            "Printed: every round, then the median and the worst per lease time against the target of twice "
                    + "the lease."},
        footer = {"",
            "Exit codes: 0 measured, 1 a round saw no approval within 10 x the lease, 2 set-up failure.",
            "",
            "Example:",
            "  java -cp bench/target/tillgate-bench.jar io.tillgate.bench.cluster.ClusterFailover --leases 10s,2s"})
public final class ClusterFailover implements Callable<Integer> {

    private static final Duration RETRY = Duration.ofMillis(50);

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--leases", paramLabel = "DURATION", split = ",", defaultValue = "10s,2s",
            converter = ClusterOptions.DurationConverter.class,
            description = "Lease times to measure, one cluster each (default: ${DEFAULT-VALUE}).")
    List<Duration> leases;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "20",
            description = "Kills per lease time (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--terminals", paramLabel = "COUNT", defaultValue = "6",
            description = "Emulated IPP terminals (default: ${DEFAULT-VALUE}).")
    int terminals;

    @Option(names = "--terminal-speed", paramLabel = "SPEED", defaultValue = "20ms",
            description = "Time of every step of the emulated terminals (default: ${DEFAULT-VALUE}).")
    String terminalSpeed;

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ClusterFailover()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path work = cluster.workDir("cluster-failover");
        out.println("ClusterFailover: " + rounds + " rounds per lease time, " + terminals + " emulated IPP terminals ("
                + terminalSpeed + " a step); logs in " + work.toAbsolutePath());
        List<String> summary = new ArrayList<>();
        int exit = 0;
        for (Duration lease : leases) {
            out.println("lease " + lease.toMillis() + " ms, at start: " + ClusterOptions.load());
            ClusterRig.Settings settings = cluster.settings("INFO", lease, "fast", terminalSpeed);
            List<Long> times = new ArrayList<>();
            try (ClusterRig rig = ClusterRig.create(settings, cluster.postgres, cluster.postgresUser,
                    work.resolve("lease-" + lease.toMillis() + "ms"), ClusterRig.terminals(terminals, 0, 0),
                    ClusterOptions.NODES)) {
                rig.startAll(rig.nodes());
                for (int round = 1; round <= rounds; round++) {
                    Long millis = round(rig, lease, round);
                    if (millis == null) {
                        exit = 1;
                    } else {
                        times.add(millis);
                    }
                }
            }
            out.println("lease " + lease.toMillis() + " ms, at end: " + ClusterOptions.load());
            summary.add(summarise(lease, times));
        }
        summary.forEach(out::println);
        return exit;
    }

    /** One kill; the fail-over in milliseconds, or null if no charge was approved in time. */
    private Long round(ClusterRig rig, Duration lease, int round) throws Exception {
        rig.awaitBalanced(ClusterOptions.NODES, lease.multipliedBy(6).plusSeconds(60));
        List<ClusterRig.Node> holding = rig.nodes().stream().filter(n -> !rig.status().heldBy(n.id).isEmpty())
                .toList();
        ClusterRig.Node victim = holding.get(ThreadLocalRandom.current().nextInt(holding.size()));
        String terminal = rig.status().heldBy(victim.id).get(0);
        List<ClusterRig.Node> survivors = rig.nodes().stream().filter(n -> n != victim).toList();
        List<PayClient> probes = new ArrayList<>();
        AtomicBoolean keepPaying = new AtomicBoolean(true);
        try (PayClient busy = loggedIn(victim.uri(), rig.secret())) {
            for (ClusterRig.Node survivor : survivors) {
                probes.add(loggedIn(survivor.uri(), rig.secret()));
            }
            Thread payer = new Thread(() -> payUntilStopped(busy, terminal, keepPaying), "in-flight-payer");
            payer.setDaemon(true);
            payer.start();
            Thread.sleep(300 + ThreadLocalRandom.current().nextInt(400));
            long killedAt = System.nanoTime();
            victim.kill();
            keepPaying.set(false);
            long deadline = killedAt + lease.multipliedBy(10).plusSeconds(30).toNanos();
            int attempts = 0;
            String last = "nothing";
            while (System.nanoTime() - deadline < 0) {
                PayClient probe = probes.get(attempts++ % probes.size());
                try {
                    P3Transaction answer = probe.charge(ChargeRequest.of(terminal, Money.ofMinor(1000, "EUR"))
                            .withCustomIdentifier("failover-" + UUID.randomUUID()))
                            .await(Duration.ofSeconds(30)).transaction();
                    if (TransactionStatus.of(answer) == TransactionStatus.APPROVED) {
                        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
                        out.printf(Locale.ROOT, "lease %d ms, round %2d: kill -9 %s holding %s -> approved through "
                                + "%s after %,d ms (%d attempts)%n", lease.toMillis(), round, victim.id, terminal,
                                survivors.get((attempts - 1) % survivors.size()).id, millis, attempts);
                        return millis;
                    }
                    last = answer.status();
                } catch (PayClientException e) {
                    last = e.getMessage();
                }
                Thread.sleep(RETRY.toMillis());
            }
            out.printf(Locale.ROOT, "lease %d ms, round %2d: kill -9 %s holding %s -> NO approval within %s; last: %s%n",
                    lease.toMillis(), round, victim.id, terminal, Duration.ofNanos(deadline - killedAt), last);
            return null;
        } finally {
            keepPaying.set(false);
            probes.forEach(PayClient::close);
            victim.start();
        }
    }

    private static void payUntilStopped(PayClient client, String terminal, AtomicBoolean keepPaying) {
        while (keepPaying.get()) {
            try {
                client.charge(ChargeRequest.of(terminal, Money.ofMinor(500, "EUR"))
                        .withCustomIdentifier("in-flight-" + UUID.randomUUID())).await(Duration.ofSeconds(5));
            } catch (PayClientException e) {
                return; // the node is gone
            }
        }
    }

    private static PayClient loggedIn(URI uri, String secret) throws Exception {
        PayClient client = PayClient.builder(uri).connectTimeout(Duration.ofSeconds(3))
                .requestTimeout(Duration.ofSeconds(10)).build();
        try {
            client.connect().get(10, TimeUnit.SECONDS);
            client.login(ClusterRig.MERCHANT, secret).get(10, TimeUnit.SECONDS);
            return client;
        } catch (Exception e) {
            client.close();
            throw e;
        }
    }

    private String summarise(Duration lease, List<Long> times) {
        if (times.isEmpty()) {
            return String.format(Locale.ROOT, "RESULT lease=%dms rounds=0", lease.toMillis());
        }
        List<Long> sorted = times.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        if (sorted.size() % 2 == 0) {
            median = (sorted.get(sorted.size() / 2 - 1) + median) / 2;
        }
        long worst = sorted.get(sorted.size() - 1);
        long target = lease.multipliedBy(2).toMillis();
        return String.format(Locale.ROOT, "RESULT lease=%dms rounds=%d medianMs=%d worstMs=%d bestMs=%d target<=%dms "
                + "%s", lease.toMillis(), times.size(), median, worst, sorted.get(0), target,
                worst <= target ? "met (worst)" : median <= target ? "met by the median, not the worst" : "MISSED");
    }
}
