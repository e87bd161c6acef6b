package io.tillgate.testkit;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Sends a server many damaged requests from several connections at once, and collects every
 * answer the server should not have given. Each case has its own seed, named in the report, so a
 * failure replays alone: {@code new FrameMutator(seed)} makes the same request again.
 *
 * @param server where to send
 * @param opening what each connection sends and waits for before its damaged request
 * @param damage makes one request from a case's mutator
 * @param acceptable whether an answer (all bytes until the server closed, the opening's answer
 *     included; empty when it just closed) is one the protocol allows
 */
public record DamagedTraffic(InetSocketAddress server, RawExchange.Opening opening,
        Function<FrameMutator, byte[]> damage, Predicate<byte[]> acceptable) {

    private static final Duration SETTLE = Duration.ofMillis(150);
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    /** Damaged requests on connections that open with nothing. */
    public DamagedTraffic(InetSocketAddress server, Function<FrameMutator, byte[]> damage,
            Predicate<byte[]> acceptable) {
        this(server, RawExchange.Opening.NONE, damage, acceptable);
    }

    /**
     * Runs {@code cases} requests, {@code connections} at a time, with seeds {@code firstSeed},
     * {@code firstSeed + 1}, …
     *
     * @return one line per case that got an unacceptable answer, or none within the deadline
     */
    public List<String> run(long firstSeed, int cases, int connections) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<String>> outcomes = new ArrayList<>(cases);
            for (int i = 0; i < cases; i++) {
                long seed = firstSeed + i;
                outcomes.add(pool.submit(() -> runCase(seed)));
            }
            List<String> failures = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                try {
                    String failure = outcome.get();
                    if (failure != null) {
                        failures.add(failure);
                    }
                } catch (ExecutionException e) {
                    failures.add(e.getCause().toString());
                }
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }

    private String runCase(long seed) {
        byte[] request = damage.apply(new FrameMutator(seed));
        try {
            byte[] answer = RawExchange.exchange(server, opening, request, SETTLE, DEADLINE);
            return acceptable.test(answer) ? null : "seed " + seed + ": unacceptable answer of " + answer.length
                    + " bytes to a request of " + request.length + " bytes: " + printable(answer);
        } catch (Exception e) {
            return "seed " + seed + ": " + e;
        }
    }

    /** The answer with anything outside printable ASCII escaped, clipped: enough to recognise it. */
    private static String printable(byte[] answer) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(answer.length, 300); i++) {
            int b = answer[i] & 0xFF;
            text.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        return answer.length > 300 ? text + "…" : text.toString();
    }
}
