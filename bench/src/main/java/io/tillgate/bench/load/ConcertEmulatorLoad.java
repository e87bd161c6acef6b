package io.tillgate.bench.load;

import io.tillgate.app.Gateway;
import io.tillgate.app.config.EmulatorSettings;
import io.tillgate.app.config.GatewaySettings;
import io.tillgate.app.config.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Concert terminal emulator as a POS test suite sees it: one TCP connection per request, the
 * request in one write, the answer read until the emulator closes. Two emulators run the fast
 * simulated flow, one ending a request as soon as it holds every tag its action requires (the rule
 * now) and one waiting for the quiet interval every time (the rule before, {@code quietIntervalOnly});
 * rounds alternate between them, one request at a time and several at once, and each round reports
 * answers per second and p50/p99 from connect to close.
 *
 * <p>By default both emulators run in this JVM; {@code --new}/{@code --old} measure emulators started
 * apart ({@code tillgate emulate concert --speed fast [--quiet-interval-only]}), from outside.
 */
@Command(name = "ConcertEmulatorLoad", mixinStandardHelpOptions = true,
        description = "Answers/s and latency of the Concert emulator, one connection per request: the end-of-request "
                + "rule against the quiet interval alone, in alternating rounds.")
public final class ConcertEmulatorLoad implements Callable<Integer> {

    static {
        // Not WARN: several debits at once on the emulator's one terminal are mostly answered busy, and it
        // warns of each; a console line per answer would be what is measured.
        if (System.getProperty("TILLGATE_LOG_LEVEL") == null) {
            System.setProperty("TILLGATE_LOG_LEVEL", "ERROR");
        }
    }

    private static final PrintStream OUT = System.out;
    /** Whether the emulators run in this JVM, so that its threads' counters are theirs. */
    private static boolean inThisJvm;
    /** A debit of 10.00 EUR in the shape of docs/protocols/concert.md §7: cents 00, approved. */
    private static final String DEBIT = "CZ0040320CJ012000000000000CA00201CB0041000CD0010CE003978BA0010";
    private static final String IDENTIFICATION = "CZ0040320CJ012000000000000CA00201CD001I";

    @Option(names = "--concurrency", paramLabel = "N", split = ",", defaultValue = "1,16",
            description = "Requests in flight at once, each on its own connection (default: ${DEFAULT-VALUE}).")
    private List<Integer> concurrency;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "5",
            description = "Length of each round (default: ${DEFAULT-VALUE}).")
    private int seconds;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "3",
            description = "Rounds per rule and concurrency, alternating; the median is reported "
                    + "(default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "10",
            description = "Seconds of requests to each emulator before measuring, for the JIT (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--request", paramLabel = "KIND", defaultValue = "debit",
            description = "debit (10.00 EUR, approved; several at once share one terminal, so most are answered "
                    + "busy) or identification (default: ${DEFAULT-VALUE}).")
    private String request;

    @Option(names = "--new", paramLabel = "HOST:PORT",
            description = "An emulator started apart with the rule now, instead of one in this JVM.")
    private String newTarget;

    @Option(names = "--old", paramLabel = "HOST:PORT",
            description = "An emulator started apart with --quiet-interval-only, instead of one in this JVM.")
    private String oldTarget;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ConcertEmulatorLoad()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        byte[] wire = switch (request) {
            case "debit" -> DEBIT.getBytes(StandardCharsets.US_ASCII);
            case "identification" -> IDENTIFICATION.getBytes(StandardCharsets.US_ASCII);
            default -> throw new CommandLine.ParameterException(new CommandLine(this),
                    "--request: debit or identification, not '" + request + "'");
        };
        if ((newTarget == null) != (oldTarget == null)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--new and --old go together");
        }
        OUT.printf(Locale.ROOT, "nproc %d, %s %s; %s, concurrency %s, %d rounds of %d s per rule, warm-up %d s, "
                        + "emulators %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), request, concurrency, rounds,
                seconds, warmup, newTarget == null ? "in this JVM" : "new " + newTarget + ", old " + oldTarget);
        List<Gateway> started = new ArrayList<>();
        inThisJvm = newTarget == null;
        try {
            InetSocketAddress now = newTarget != null ? address(newTarget) : start(false, started);
            InetSocketAddress before = oldTarget != null ? address(oldTarget) : start(true, started);
            for (int n : concurrency) {
                run(now, wire, n, warmup);
                run(before, wire, n, Math.min(warmup, 3));
            }
            for (int n : concurrency) {
                List<Round> nowRounds = new ArrayList<>();
                List<Round> beforeRounds = new ArrayList<>();
                for (int r = 1; r <= rounds; r++) {
                    Round b = run(before, wire, n, seconds);
                    Round a = run(now, wire, n, seconds);
                    beforeRounds.add(b);
                    nowRounds.add(a);
                    OUT.printf(Locale.ROOT, "concurrency %d round %d: quiet interval only %s | rule now %s%n", n, r, b,
                            a);
                }
                OUT.printf(Locale.ROOT, "concurrency %d, median of %d rounds: quiet interval only %.0f answers/s, p50 "
                                + "%.3f ms, p99 %.3f ms | rule now %.0f answers/s, p50 %.3f ms, p99 %.3f ms%n", n,
                        rounds, median(beforeRounds, Round::rate), median(beforeRounds, Round::p50),
                        median(beforeRounds, Round::p99), median(nowRounds, Round::rate),
                        median(nowRounds, Round::p50), median(nowRounds, Round::p99));
            }
        } finally {
            for (Gateway gateway : started) {
                gateway.close();
            }
        }
        return 0;
    }

    private static InetSocketAddress start(boolean quietIntervalOnly, List<Gateway> started) {
        GatewaySettings settings = EmulatorSettings.of(Protocol.CONCERT, "127.0.0.1", 0, "fast", false, null)
                .withConcertQuietIntervalOnly(quietIntervalOnly);
        Gateway gateway = Gateway.start(settings);
        started.add(gateway);
        return gateway.frontEndAddress(Protocol.CONCERT, EmulatorSettings.TERMINAL_ID);
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /** One round: {@code clients} threads, each connecting, writing, reading to the close, again, for {@code seconds}. */
    private static Round run(InetSocketAddress target, byte[] wire, int clients, int seconds) throws Exception {
        Client[] workers = new Client[clients];
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[clients];
        for (int i = 0; i < clients; i++) {
            workers[i] = new Client(target, wire, go);
            threads[i] = new Thread(workers[i], "concert-pos-" + i);
            threads[i].start();
        }
        ThreadStats before = ThreadStats.now();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        for (Client worker : workers) {
            worker.deadline = deadline;
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - start;
        // The clients' threads have ended, so this is what the threads that stay did: the emulators'.
        ThreadStats.Counters emulators = ThreadStats.now().totalSince(before);
        LatencyHistogram all = new LatencyHistogram();
        long approved = 0;
        long busy = 0;
        long other = 0;
        for (Client worker : workers) {
            if (worker.failure != null) {
                throw new IllegalStateException("a client failed against " + target, worker.failure);
            }
            all.add(worker.latencies);
            approved += worker.approved;
            busy += worker.busy;
            other += worker.other;
        }
        long answers = Math.max(1, all.count());
        return new Round(all.count() * 1e9 / elapsed, all.valueAt(0.5) / 1e6, all.valueAt(0.99) / 1e6, all.count(),
                approved, busy, other, emulators.cpuNanos() / 1e3 / answers, emulators.waitNanos() / 1e3 / answers,
                (double) emulators.switches() / answers);
    }

    /**
     * @param cpuMicros CPU time of this JVM's lasting threads per answer: the emulators' when they run here
     * @param waitMicros time those threads were runnable but waited for a core, per answer
     * @param switches their thread switches per answer
     */
    private record Round(double rate, double p50, double p99, long answers, long approved, long busy, long other,
            double cpuMicros, double waitMicros, double switches) {
        @Override
        public String toString() {
            String counts = String.format(Locale.ROOT, "%.0f answers/s, p50 %.3f ms, p99 %.3f ms (%d answers: %d done, "
                    + "%d busy, %d other", rate, p50, p99, answers, approved, busy, other);
            return counts + (!inThisJvm ? ")" : String.format(Locale.ROOT, "; emulators' threads per answer: CPU %.0f "
                    + "µs, waiting for a core %.0f µs, %.1f switches)", cpuMicros, waitMicros, switches));
        }
    }

    /** A cash register in a closed loop: a new connection per request, as the protocol has it. */
    private static final class Client implements Runnable {
        private final InetSocketAddress target;
        private final byte[] wire;
        private final CountDownLatch go;
        private final LatencyHistogram latencies = new LatencyHistogram();
        private final byte[] answer = new byte[4096];
        private volatile long deadline;
        private long approved;
        private long busy;
        private long other;
        private Exception failure;

        Client(InetSocketAddress target, byte[] wire, CountDownLatch go) {
            this.target = target;
            this.wire = wire;
            this.go = go;
        }

        @Override
        public void run() {
            try {
                go.await();
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    int length = exchange();
                    latencies.record(System.nanoTime() - start);
                    classify(length);
                }
            } catch (Exception e) {
                failure = e;
            }
        }

        private int exchange() throws IOException {
            try (Socket socket = new Socket()) {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(10_000);
                socket.connect(target, 5_000);
                OutputStream out = socket.getOutputStream();
                out.write(wire);
                out.flush();
                InputStream in = socket.getInputStream();
                int length = 0;
                for (int n; (n = in.read(answer, length, answer.length - length)) > 0; ) {
                    length += n;
                }
                return length;
            }
        }

        private void classify(int length) {
            String text = new String(answer, 0, length, StandardCharsets.US_ASCII);
            if (text.contains("AE00210")) {
                approved++;
            } else if (text.contains("AE00201AF00207")) {
                busy++;
            } else {
                other++;
            }
        }
    }

    private static double median(List<Round> rounds, java.util.function.ToDoubleFunction<Round> value) {
        double[] values = rounds.stream().mapToDouble(value).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
