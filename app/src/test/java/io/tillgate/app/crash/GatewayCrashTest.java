package io.tillgate.app.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.app.Gateway;
import io.tillgate.app.LoopbackPorts;
import io.tillgate.app.TillgateCommand;
import io.tillgate.app.config.ConfigLoader;
import io.tillgate.app.config.Protocol;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.CardDataMasker;
import io.tillgate.core.transaction.TransactionEvent;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.journal.JdbcJournal;
import io.tillgate.journal.JournalSettings;
import io.tillgate.p3.client.ActionRequest;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.ConnectionFailedException;
import io.tillgate.p3.client.ConnectionLostException;
import io.tillgate.p3.client.P3ErrorException;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.ReconnectPolicy;
import io.tillgate.p3.client.RequestTimeoutException;
import io.tillgate.p3.client.TransactionAction;
import io.tillgate.p3.client.TransactionListener;
import io.tillgate.p3.client.TransactionNotStartedException;
import io.tillgate.p3.client.TransactionOutcomeUnknownException;
import io.tillgate.p3.client.TransactionStatus;
import io.tillgate.p3.codec.P3Transaction;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The gateway as a separate process, killed with SIGKILL at random moments while four POS clients
 * run hundreds of payments through it, and restarted each time. Whatever the moment of the kill,
 * every payment a client started must end up in the journal exactly once, executed on its terminal
 * at most once, with its true outcome or UNKNOWN, and every result a client received must be the
 * journal's.
 *
 * <p>The clients behave as a careful POS would: on any failure that leaves the outcome open they
 * repeat the same request (same customIdentifier and tag) until they get a final answer, relying on
 * the gateway's idempotency. Seeds are printed; rerun one with {@code -Dtillgate.crash.seed=N}.
 */
class GatewayCrashTest {

    private static final int WORKERS = 4;
    private static final String MERCHANT = "crash";
    private static final String SECRET = "crash-test-secret";
    /** Cents with a scenario of their own; 93 (30 s card wait) and 95 (no answer) are left out. */
    private static final int[] SPECIAL_CENTS = {91, 92, 94, 96, 98, 99};
    /** The journal note of a row the restarted gateway settled by asking the terminal. */
    private static final String RECOVERED_NOTE = "recovered from the terminal after a gateway restart";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROGRESS_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration CHARGE_DEADLINE = Duration.ofSeconds(60);
    private static final Duration WORKERS_DEADLINE = Duration.ofSeconds(120);
    /**
     * PaymentService's debug line, written just before it hands a transaction to its terminal: the
     * one trace of a terminal execution a separate process leaves behind.
     */
    private static final Pattern SENT_TO_TERMINAL =
            Pattern.compile("transaction ([0-9a-f*]{32}) SALE \\S+ [A-Z]{3} sent to terminal (\\S+)");

    /**
     * The gateway's terminals: its own simulated ones, or remote terminals it drives in a protocol —
     * emulators in this JVM, which the kills do not touch, so a transaction cut off by a kill runs on
     * to its end there while the gateway is down.
     */
    enum TerminalKind {
        SIMULATED(null, 500, 20),
        CONCERT(Protocol.CONCERT, 150, 8),
        IPP(Protocol.IPP, 150, 8),
        NEXO(Protocol.NEXO, 150, 8);

        final Protocol protocol;
        final int minTransactions;
        final int minKills;

        TerminalKind(Protocol protocol, int minTransactions, int minKills) {
            this.protocol = protocol;
            this.minTransactions = minTransactions;
            this.minKills = minKills;
        }
    }

    @TempDir
    Path dir;

    private TerminalKind kind;

    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger kills = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicBoolean clientsDone = new AtomicBoolean();
    /** What each started payment asked for: customIdentifier → amount. */
    private final Map<String, Money> requested = new ConcurrentHashMap<>();
    /** What each client was finally told: customIdentifier → the P3 transaction. */
    private final Map<String, P3Transaction> received = new ConcurrentHashMap<>();

    @ParameterizedTest(name = "{0}")
    @EnumSource(TerminalKind.class)
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void everyPaymentIsJournaledExactlyOnceThroughRepeatedKills(TerminalKind kind) throws Exception {
        this.kind = kind;
        long seed = Long.getLong("tillgate.crash.seed", System.nanoTime());
        System.out.println("GatewayCrashTest " + kind + " seed " + seed + " (rerun with -Dtillgate.crash.seed=" + seed
                + ")");
        long begin = System.nanoTime();
        Gateway emulators = kind.protocol == null ? null : startEmulators(kind.protocol);
        GatewayProcess gateway = new GatewayProcess(dir, terminalEntries(kind.protocol, emulators));
        Map<String, TransactionRecord> journal;
        try {
            gateway.start();
            gateway.awaitReady();
            payWhileKilling(gateway, seed);
            gateway.stop();
            journal = verifyJournal(gateway);
        } catch (Throwable t) {
            Path kept = Path.of("target", "GatewayCrashTest-" + kind + "-gateway.log");
            Files.createDirectories(kept.getParent());
            Files.writeString(kept, gateway.log());
            System.out.println("seed " + seed + "; gateway log kept in " + kept.toAbsolutePath() + "; its tail:\n"
                    + gateway.tail(40));
            throw t;
        } finally {
            gateway.destroy();
            if (emulators != null) {
                emulators.close();
            }
        }

        Map<TransactionState, Long> states = new EnumMap<>(TransactionState.class);
        journal.values().forEach(r -> states.merge(r.state(), 1L, Long::sum));
        System.out.printf("GatewayCrashTest " + kind + ": %d transactions, %d kills (%d gateway starts), %d UNKNOWN, %d client "
                + "retries, states %s, %.1f s, seed %d%n", journal.size(), kills.get(), gateway.launches().size(),
                states.getOrDefault(TransactionState.UNKNOWN, 0L), retries.get(), states,
                (System.nanoTime() - begin) / 1e9, seed);
    }

    /** One emulator per worker: simulated terminals e1..e4, each behind a front-end of {@code protocol}. */
    private Gateway startEmulators(Protocol protocol) throws IOException {
        StringBuilder yaml = new StringBuilder()
                .append("gateway: {host: 127.0.0.1}\n")
                .append("journal: {url: memory}\n")
                .append("p3: {enabled: false}\n")
                .append("merchants: [{id: emulators, secret: emulator-secret, terminals: [e1, e2, e3, e4]}]\n")
                .append("terminals:\n");
        for (int i = 1; i <= WORKERS; i++) {
            yaml.append("  - {id: e").append(i).append(", speed: 5ms}\n");
        }
        yaml.append("frontEnds:\n");
        for (int i = 1; i <= WORKERS; i++) {
            yaml.append("  - {protocol: ").append(protocol.configName()).append(", port: 0, terminal: e").append(i)
                    .append("}\n");
        }
        Path file = dir.resolve("emulators.yaml");
        Files.writeString(file, yaml.toString());
        return Gateway.start(ConfigLoader.load(file));
    }

    /** The gateway's terminals t1..t4: simulated, or driving emulator e1..e4. */
    private static String terminalEntries(Protocol protocol, Gateway emulators) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 1; i <= WORKERS; i++) {
            yaml.append("  - id: t").append(i).append('\n');
            if (emulators == null) {
                yaml.append("    speed: 5ms\n");
            } else {
                yaml.append("    type: ").append(protocol.configName()).append('\n')
                        .append("    host: 127.0.0.1\n")
                        .append("    port: ").append(emulators.frontEndAddress(protocol, "e" + i).getPort())
                        .append('\n');
            }
        }
        return yaml.toString();
    }

    /** Runs the four clients and the killer until enough payments started and enough kills happened. */
    private void payWhileKilling(GatewayProcess gateway, long seed) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        AtomicReference<Throwable> killerFailure = new AtomicReference<>();
        Thread killer = new Thread(() -> {
            try {
                killAtRandomMoments(gateway, new Random(seed));
            } catch (Throwable t) {
                killerFailure.set(t);
                clientsDone.set(true);
            }
        }, "crash-killer");
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) {
                URI uri = i % 2 == 0 ? gateway.tcpUri() : gateway.webSocketUri();
                Worker worker = new Worker("t" + (i + 1), uri, new Random(seed + 1 + i));
                running.add(workers.submit(() -> {
                    worker.run();
                    return null;
                }));
            }
            killer.start();
            long deadline = System.nanoTime() + WORKERS_DEADLINE.toNanos();
            for (Future<?> worker : running) {
                worker.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            throw new AssertionError("clients still running after " + WORKERS_DEADLINE + " (" + started.get()
                    + " payments started, " + received.size() + " answered, " + kills.get() + " kills); threads:\n"
                    + threadDump());
        } catch (ExecutionException e) {
            throw new AssertionError("a client failed", e.getCause());
        } finally {
            clientsDone.set(true);
            killer.join(TimeUnit.SECONDS.toMillis(40));
            workers.shutdownNow();
        }
        if (killerFailure.get() != null) {
            throw new AssertionError("the killer failed", killerFailure.get());
        }
    }

    /** Checks the stopped gateway's journal against what the clients asked and were told. */
    private Map<String, TransactionRecord> verifyJournal(GatewayProcess gateway) throws IOException {
        Map<String, TransactionRecord> journal;
        Map<String, List<TransactionEvent>> histories = new HashMap<>();
        try (JdbcJournal store = JdbcJournal.open(JournalSettings.sqlite(gateway.journalFile()))) {
            List<TransactionRecord> rows = store.findSince(Instant.EPOCH);
            assertThat(rows).extracting(TransactionRecord::reference).doesNotHaveDuplicates();
            journal = rows.stream().collect(Collectors.toMap(TransactionRecord::reference, r -> r));
            rows.forEach(r -> histories.put(r.id(), store.history(r.id())));
        }

        assertThat(kills.get()).isGreaterThanOrEqualTo(kind.minKills);
        assertThat(requested).hasSizeGreaterThanOrEqualTo(kind.minTransactions);
        assertThat(journal.keySet()).as("one journal row per started payment, and no other rows")
                .containsExactlyInAnyOrderElementsOf(requested.keySet());
        assertThat(received.keySet()).as("every client got a final answer")
                .containsExactlyInAnyOrderElementsOf(requested.keySet());
        journal.forEach((reference, row) -> assertRowIsTrue(row, requested.get(reference), received.get(reference),
                histories.get(row.id())));
        assertRecoveryMatchesTheProtocol(histories);
        assertTerminalReferencesUniquePerGatewayRun(journal.values(), gateway.launches());
        assertEachTransactionReachedItsTerminalAtMostOnce(journal, gateway.log());
        return journal;
    }

    // ------------------------------------------------------------------------------ the killer

    /**
     * Kills the gateway enough times while the clients run: 0.3 to 1.5 s after it became ready, and
     * never before it answered a payment since its restart, so that a slow machine still sees
     * progress between kills.
     */
    private void killAtRandomMoments(GatewayProcess gateway, Random random) throws Exception {
        int answeredAtRestart = 0;
        while (kills.get() < kind.minKills && !clientsDone.get()) {
            Thread.sleep(300 + random.nextInt(1200));
            long progressDeadline = System.nanoTime() + PROGRESS_TIMEOUT.toNanos();
            while (received.size() <= answeredAtRestart && !clientsDone.get()) {
                if (System.nanoTime() - progressDeadline > 0) {
                    throw new AssertionError("no payment answered within " + PROGRESS_TIMEOUT + " of a restart:\n"
                            + gateway.tail(40));
                }
                Thread.sleep(20);
            }
            if (clientsDone.get()) {
                return;
            }
            gateway.kill();
            int kill = kills.incrementAndGet();
            long restart = System.nanoTime();
            gateway.start();
            gateway.awaitReady();
            answeredAtRestart = received.size();
            System.out.printf("kill %d: %d payments started, %d answered; gateway back after %d ms%n", kill,
                    started.get(), received.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restart));
        }
    }

    // ------------------------------------------------------------------------------ the clients

    /** One POS on one terminal, paying until enough payments started and enough kills happened. */
    private final class Worker {

        private final String terminal;
        private final URI uri;
        private final Random random;
        private PayClient client;

        Worker(String terminal, URI uri, Random random) {
            this.terminal = terminal;
            this.uri = uri;
            this.random = random;
        }

        void run() throws Exception {
            try {
                while (!(started.get() >= kind.minTransactions && kills.get() >= kind.minKills)
                        && !clientsDone.get()) {
                    int n = started.incrementAndGet();
                    String reference = "crash-" + n;
                    Money amount = Money.ofMinor(100L * (1 + random.nextInt(120)) + cents(), "EUR");
                    requested.put(reference, amount);
                    ChargeRequest request = ChargeRequest.of(terminal, amount).withCustomIdentifier(reference)
                            .withTag("crash-tag-" + n);
                    received.put(reference, chargeUntilFinal(request));
                }
            } finally {
                closeClient();
            }
        }

        private int cents() {
            return random.nextBoolean() ? random.nextInt(91) : SPECIAL_CENTS[random.nextInt(SPECIAL_CENTS.length)];
        }

        /** Repeats the same request until the gateway gives a final answer. */
        private P3Transaction chargeUntilFinal(ChargeRequest request) throws Exception {
            long deadline = System.nanoTime() + CHARGE_DEADLINE.toNanos();
            while (true) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("no final answer for " + request.customIdentifier() + " within "
                            + CHARGE_DEADLINE);
                }
                try {
                    PayClient current = connected(deadline);
                    P3Transaction t = current.charge(request, signingOnReceipt(current)).outcome()
                            .get(CHARGE_DEADLINE.toMillis(), TimeUnit.MILLISECONDS).transaction();
                    assertThat(TransactionStatus.of(t).isFinal()).as("status of %s", t).isTrue();
                    return t;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof P3ErrorException error && error.transaction().isPresent()
                            && TransactionStatus.of(error.transaction().get()) == TransactionStatus.ERROR) {
                        return error.transaction().get();
                    }
                    if (!isRetryable(cause)) {
                        throw new AssertionError("charge " + request.customIdentifier() + " failed", cause);
                    }
                    // The client reconnects and logs in again by itself for the repeat.
                    retries.incrementAndGet();
                }
            }
        }

        /** The worker's client, connected and logged in once; after a drop it reconnects by itself. */
        private PayClient connected(long deadline) throws Exception {
            while (client == null) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("cannot log in to the gateway at " + uri + " before the deadline");
                }
                PayClient fresh = PayClient.builder(uri)
                        .connectTimeout(Duration.ofSeconds(2))
                        .requestTimeout(Duration.ofSeconds(5))
                        .reconnectPolicy(new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(200),
                                Duration.ofSeconds(20)))
                        .recoveryPollInterval(Duration.ofMillis(20))
                        .recoveryTimeout(Duration.ofSeconds(30))
                        .build();
                try {
                    fresh.connect().get(10, TimeUnit.SECONDS);
                    fresh.login(MERCHANT, SECRET).get(10, TimeUnit.SECONDS);
                    client = fresh;
                } catch (ExecutionException e) {
                    fresh.close();
                    if (e.getCause() instanceof P3ErrorException refused) {
                        throw new AssertionError("login refused by " + uri, refused);
                    }
                    Thread.sleep(50); // the gateway is restarting: back off, then a fresh client
                } catch (TimeoutException e) {
                    fresh.close();
                }
            }
            return client;
        }

        private TransactionListener signingOnReceipt(PayClient current) {
            return new TransactionListener() {
                @Override
                public void onAction(ActionRequest action) {
                    if (action.action() == TransactionAction.CUSTOMER_SIGNATURE) {
                        action.signOnReceipt();
                    }
                }
            };
        }

        private void closeClient() {
            if (client != null) {
                client.close();
                client = null;
            }
        }
    }

    private static boolean isRetryable(Throwable cause) {
        return cause instanceof TransactionNotStartedException || cause instanceof TransactionOutcomeUnknownException
                || cause instanceof ConnectionFailedException || cause instanceof ConnectionLostException
                || cause instanceof RequestTimeoutException;
    }

    // ------------------------------------------------------------------------------ the checks

    private static void assertRowIsTrue(TransactionRecord row, Money amount, P3Transaction told,
            List<TransactionEvent> history) {
        String what = row.reference() + " (" + amount + ", " + row.id() + ")";
        assertThat(row.amount()).as("amount of %s", what).isEqualTo(amount);
        assertThat(row.state()).as("state of %s: final or UNKNOWN", what)
                .isNotIn(TransactionState.CREATED, TransactionState.SENT, TransactionState.IN_PROGRESS);
        if (row.state() != TransactionState.UNKNOWN) {
            assertThat(row.state()).as("outcome of %s", what).isEqualTo(expectedOutcome(amount));
        }
        assertThat(told.identifier()).as("identifier the client got for %s", what).isEqualTo(row.id());
        if (TransactionStatus.of(told) == TransactionStatus.INCONCLUSIVE) {
            // The client was told UNKNOWN; a terminal's late answer may have settled the row since.
            assertThat(history).as("history of %s, told INCONCLUSIVE", what).extracting(TransactionEvent::state)
                    .contains(TransactionState.UNKNOWN);
        } else {
            assertThat(TransactionStatus.of(told)).as("status the client got for %s", what)
                    .isEqualTo(p3Status(row.state()));
        }
        assertThat(history).as("history of %s", what).isNotEmpty();
        assertThat(history.get(0).state()).as("first state of %s", what).isEqualTo(TransactionState.CREATED);
        for (int i = 1; i < history.size(); i++) {
            TransactionState from = history.get(i - 1).state();
            TransactionState to = history.get(i).state();
            assertThat(from.canMoveTo(to)).as("%s moved %s → %s in %s", what, from, to, history).isTrue();
        }
        assertThat(history.get(history.size() - 1).state()).as("last state of %s", what).isEqualTo(row.state());
    }

    /**
     * A kill mid-transaction leaves rows unfinished. Where the protocol has a status query (IPP
     * GET_STATUS, nexo TransactionStatus) the restarted gateway asks the terminal and some rows end
     * with the terminal's outcome; Concert has none, so such rows can only end UNKNOWN.
     */
    private void assertRecoveryMatchesTheProtocol(Map<String, List<TransactionEvent>> histories) {
        long recovered = histories.values().stream().flatMap(List::stream)
                .filter(e -> RECOVERED_NOTE.equals(e.note())).count();
        if (kind == TerminalKind.IPP || kind == TerminalKind.NEXO) {
            assertThat(recovered).as("rows recovered through the %s status query", kind).isPositive();
        } else {
            assertThat(recovered).as("rows recovered from a %s terminal, which has no status query", kind).isZero();
        }
    }

    private static TransactionState expectedOutcome(Money amount) {
        return switch ((int) (amount.minorUnits() % 100)) {
            case 91 -> TransactionState.DECLINED;
            case 94 -> TransactionState.ABORTED;
            case 99 -> TransactionState.FAILED;
            default -> TransactionState.APPROVED;
        };
    }

    private static TransactionStatus p3Status(TransactionState state) {
        return switch (state) {
            case APPROVED -> TransactionStatus.APPROVED;
            case DECLINED -> TransactionStatus.DECLINED;
            case ABORTED -> TransactionStatus.ABORTED;
            case FAILED -> TransactionStatus.ERROR;
            case UNKNOWN -> TransactionStatus.INCONCLUSIVE;
            default -> throw new AssertionError("not a settled state: " + state);
        };
    }

    /**
     * A terminal's references are its own (an IPP STAN counts per terminal), and a simulated terminal
     * numbers its transactions from 1 each time the gateway process starts, so a reference is unique
     * for one terminal within one run of the gateway; two rows of one terminal and run with the same
     * reference would be one terminal execution reported for two transactions.
     */
    private static void assertTerminalReferencesUniquePerGatewayRun(Iterable<TransactionRecord> rows,
            List<Instant> launches) {
        Map<String, String> seen = new HashMap<>();
        for (TransactionRecord row : rows) {
            if (row.outcome() == null || row.outcome().terminalReference() == null) {
                continue;
            }
            int run = 0;
            while (run + 1 < launches.size() && !row.createdAt().isBefore(launches.get(run + 1))) {
                run++;
            }
            String key = run + "/" + row.terminalId() + "/" + row.outcome().terminalReference();
            String other = seen.putIfAbsent(key, row.id());
            assertThat(other).as("terminal %s reference %s of gateway run %d reported for %s and %s",
                    row.terminalId(), row.outcome().terminalReference(), run, other, row.id()).isNull();
        }
    }

    /**
     * Reads the gateway's own record of every hand-over to a terminal: no transaction may be handed
     * over twice, none that the journal does not hold (the journal is written first), and each one
     * with a terminal's outcome was handed over exactly once.
     */
    private static void assertEachTransactionReachedItsTerminalAtMostOnce(Map<String, TransactionRecord> journal,
            String log) {
        // The log's masking layer treats a run of 13+ digits inside an id as a card number, so ids are
        // matched as the log prints them.
        Map<String, TransactionRecord> byId = journal.values().stream()
                .collect(Collectors.toMap(r -> CardDataMasker.mask(r.id()), r -> r));
        Map<String, Integer> handedOver = new HashMap<>();
        Matcher m = SENT_TO_TERMINAL.matcher(log);
        while (m.find()) {
            handedOver.merge(m.group(1), 1, Integer::sum);
        }
        assertThat(handedOver).as("hand-overs to a terminal in the gateway log").isNotEmpty();
        handedOver.forEach((id, count) -> {
            assertThat(byId).as("transaction %s reached a terminal but is not in the journal", id).containsKey(id);
            assertThat(count).as("hand-overs of transaction %s", id).isEqualTo(1);
        });
        byId.forEach((logged, row) -> {
            if (row.isFinal()) {
                assertThat(handedOver).as("%s has a terminal outcome (%s) but was never handed over", row.id(),
                        row.state()).containsKey(logged);
            }
        });
    }

    private static String threadDump() {
        StringBuilder dump = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            dump.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
            for (StackTraceElement frame : stack) {
                dump.append("    at ").append(frame).append('\n');
            }
        });
        return dump.toString();
    }

    // ------------------------------------------------------------------------------ the gateway process

    /** {@code tillgate serve} in its own JVM, restarted on the same ports and journal after each kill. */
    private static final class GatewayProcess {

        private final Path journalFile;
        private final Path config;
        private final Path logFile;
        private final int webSocketPort;
        private final int tcpPort;
        private final List<Instant> launches = new ArrayList<>();
        private Process process;

        GatewayProcess(Path dir, String terminalEntries) throws IOException {
            this.journalFile = dir.resolve("journal.db");
            this.config = dir.resolve("tillgate.yaml");
            this.logFile = dir.resolve("gateway.log");
            this.webSocketPort = LoopbackPorts.free();
            this.tcpPort = LoopbackPorts.free();
            StringBuilder yaml = new StringBuilder()
                    .append("gateway:\n")
                    .append("  host: 127.0.0.1\n")
                    .append("  transactionTimeout: 2s\n")
                    .append("journal:\n")
                    .append("  url: jdbc:sqlite:").append(journalFile.toAbsolutePath()).append('\n')
                    .append("p3:\n")
                    .append("  websocketPort: ").append(webSocketPort).append('\n')
                    .append("  tcpPort: ").append(tcpPort).append('\n')
                    .append("merchants:\n")
                    .append("  - id: ").append(MERCHANT).append('\n')
                    .append("    secret: ").append(SECRET).append('\n')
                    .append("    terminals: [t1, t2, t3, t4]\n")
                    .append("terminals:\n")
                    .append(terminalEntries);
            Files.writeString(config, yaml.toString());
        }

        Path journalFile() {
            return journalFile;
        }

        URI tcpUri() {
            return URI.create("tcp://127.0.0.1:" + tcpPort);
        }

        URI webSocketUri() {
            return URI.create("ws://127.0.0.1:" + webSocketPort + "/p3");
        }

        synchronized List<Instant> launches() {
            return List.copyOf(launches);
        }

        synchronized void start() throws IOException {
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"),
                    TillgateCommand.class.getName(), "serve", "--config", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().put("TILLGATE_LOG_LEVEL", "DEBUG");
            launches.add(Instant.now());
            process = builder.start();
        }

        /** Polls a TCP connect to the P3 port: it opens only once recovery has run. */
        void awaitReady() throws InterruptedException {
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (true) {
                Process current;
                synchronized (this) {
                    current = process;
                }
                if (!current.isAlive()) {
                    throw new AssertionError("gateway exited with " + current.exitValue() + ":\n" + tail(40));
                }
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), tcpPort), 500);
                    return;
                } catch (IOException notYet) {
                    if (System.nanoTime() - deadline > 0) {
                        throw new AssertionError("gateway not ready within " + READY_TIMEOUT + ":\n" + tail(40));
                    }
                    Thread.sleep(20);
                }
            }
        }

        /** SIGKILL, and wait until the process is gone. */
        synchronized void kill() throws InterruptedException {
            process.destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("gateway survived SIGKILL");
            }
        }

        /** SIGTERM: the gateway closes its journal in its shutdown hook. */
        synchronized void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new AssertionError("gateway did not stop on SIGTERM:\n" + tail(40));
            }
        }

        synchronized void destroy() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }

        /** The log of every run; a kill may have cut a line short, so malformed bytes are replaced. */
        String log() throws IOException {
            return Files.exists(logFile) ? new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8) : "";
        }

        String tail(int lines) {
            try {
                List<String> all = log().lines().toList();
                return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
            } catch (IOException e) {
                return "(cannot read " + logFile + ": " + e.getMessage() + ")";
            }
        }
    }
}
