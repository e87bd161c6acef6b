package io.tillgate.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tillgate.app.Gateway;
import io.tillgate.app.LoopbackPorts;
import io.tillgate.app.ServeProcess;
import io.tillgate.app.TillgateCommand;
import io.tillgate.app.config.ConfigLoader;
import io.tillgate.app.config.Protocol;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.service.PaymentRequest;
import io.tillgate.core.service.TransactionObserver;
import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.TransactionEvent;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.journal.JdbcJournal;
import io.tillgate.journal.JournalSettings;
import io.tillgate.journal.cluster.ClusterStatus;
import io.tillgate.journal.cluster.Rendezvous;
import io.tillgate.p3.client.ActionRequest;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.QueryKey;
import io.tillgate.p3.client.RefundRequest;
import io.tillgate.p3.client.TransactionAction;
import io.tillgate.p3.client.TransactionListener;
import io.tillgate.p3.client.TransactionStatus;
import io.tillgate.p3.client.TransactionUpdate;
import io.tillgate.p3.codec.ExecuteTransactionAction;
import io.tillgate.p3.codec.P3Transaction;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Three {@code tillgate serve} processes on one PostgreSQL journal (a database of this class's own,
 * dropped afterwards), with two simulated terminals and an IPP and a nexo terminal emulated in this
 * JVM: leases, placement, take-over after {@code kill -9}, fencing of a node frozen past its lease,
 * and idempotency across nodes. Lease time 2 s, so a take-over takes a few seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClusterProcessTest {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String MERCHANT = "chain";
    private static final String SECRET = "cluster-test-secret";
    /** What the nodes log in to each other with to forward requests. */
    private static final String CLUSTER_SECRET = "cluster-forwarding-secret-1";
    private static final List<String> NODES = List.of("n1", "n2", "n3");
    private static final List<String> TERMINALS = List.of("sim1", "sim2", "ipp1", "nexo1");
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final Duration SETTLE = Duration.ofSeconds(30);
    /** Three JVMs starting at once on a small, busy machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** The nodes' logs, kept after the run. */
    private static final Path LOGS = Path.of("target", "cluster-process-test");
    private static final String TAKE_OVER_NOTE = "recovered from the terminal after a take-over from another node";

    @TempDir
    static Path dir;

    private String user;
    private String database;
    private String url;
    private Gateway emulators;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    /** The shared journal, read as an operator would. */
    private JdbcJournal journal;

    /** One gateway process, restartable under the same node id and ports. */
    private final class Node {
        final String id;
        final int webSocketPort;
        /** Its IPP front-end for sim2: a till paying over IPP through this node. */
        final int ippPort;
        final Path config;
        ServeProcess process;

        Node(String id, int webSocketPort, int ippPort, Path config) {
            this.id = id;
            this.webSocketPort = webSocketPort;
            this.ippPort = ippPort;
            this.config = config;
        }

        URI uri() {
            return URI.create("ws://127.0.0.1:" + webSocketPort + "/p3");
        }

        void start() throws Exception {
            process = ServeProcess.start(config, LOGS.resolve(id + ".log"), webSocketPort, START_TIMEOUT);
        }
    }

    @BeforeAll
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void startCluster() throws Exception {
        Files.createDirectories(LOGS);
        user = postgresUserOrSkip();
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        database = "tillgate_cluster_" + HexFormat.of().formatHex(random);
        execute(SERVER + "test", "CREATE DATABASE " + database);
        url = SERVER + database;
        emulators = startEmulators();
        for (String id : NODES) {
            int ws = LoopbackPorts.free();
            int ipp = LoopbackPorts.free();
            Path config = dir.resolve(id + ".yaml");
            Files.writeString(config, nodeConfig(id, ws, LoopbackPorts.free(), ipp));
            nodes.put(id, new Node(id, ws, ipp, config));
        }
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (Node node : nodes.values()) {
            starting.add(CompletableFuture.runAsync(() -> {
                try {
                    node.start();
                } catch (Exception e) {
                    throw new IllegalStateException("node " + node.id + " did not start", e);
                }
            }));
        }
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).get(150, TimeUnit.SECONDS);
        journal = JdbcJournal.open(new JournalSettings(url, user, null));
        awaitBalanced();
    }

    @AfterAll
    void stopCluster() throws Exception {
        for (Node node : nodes.values()) {
            if (node.process != null) {
                node.process.close();
            }
        }
        if (emulators != null) {
            emulators.close();
        }
        if (journal != null) {
            journal.close();
        }
        if (database != null) {
            execute(SERVER + "test", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    @Order(1)
    void everyTerminalIsHeldByExactlyOneLiveNode() throws Exception {
        ClusterStatus status = status();
        assertThat(status.nodes()).extracting(ClusterStatus.Node::nodeId).containsExactlyElementsOf(NODES);
        assertThat(status.leases()).extracting(ClusterStatus.Lease::terminalId)
                .containsExactlyInAnyOrderElementsOf(TERMINALS);
        for (ClusterStatus.Lease lease : status.leases()) {
            assertThat(lease.live()).as("lease of %s", lease.terminalId()).isTrue();
            assertThat(lease.holder()).as("holder of %s", lease.terminalId())
                    .isEqualTo(Rendezvous.owner(lease.terminalId(), NODES).orElseThrow());
        }
        int held = 0;
        for (String node : NODES) {
            held += status.heldBy(node).size();
        }
        assertThat(held).isEqualTo(TERMINALS.size());

        StringWriter out = new StringWriter();
        int code = new CommandLine(new TillgateCommand()).setOut(new PrintWriter(out, true))
                .execute("cluster", "status", "--config", nodes.get("n1").config.toString(), "--json");
        assertThat(code).as(out.toString()).isZero();
        JsonNode document = new ObjectMapper().readTree(out.toString());
        assertThat(document.get("nodes")).hasSize(NODES.size());
        for (JsonNode node : document.get("nodes")) {
            List<String> terminals = new ArrayList<>();
            node.get("terminals").forEach(t -> terminals.add(t.asText()));
            assertThat(terminals).as("terminals of %s", node.get("nodeId").asText())
                    .containsExactlyInAnyOrderElementsOf(status.heldBy(node.get("nodeId").asText()));
            assertThat(node.get("address").asText()).isEqualTo("127.0.0.1:"
                    + nodes.get(node.get("nodeId").asText()).webSocketPort);
        }
    }

    @Test
    @Order(2)
    void paymentOnTheHolderIsApprovedWithEveryUpdateAndTheSignatureAction() throws Exception {
        Node holder = holderOf("sim1");
        try (PayClient client = loggedIn(holder)) {
            SignedPayment payment = SignedPayment.run(client, "signed-1", "signed-tag-1");
            assertThat(TransactionStatus.of(payment.transaction())).isEqualTo(TransactionStatus.APPROVED);
            assertThat(payment.actions()).contains(ExecuteTransactionAction.CUSTOMER_SIGNATURE);
            assertThat(payment.updates()).hasSizeGreaterThanOrEqualTo(3);
        }
        TransactionRecord row = journalRow("signed-1");
        assertThat(row.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(history(row.id())).extracting(TransactionEvent::node).containsOnly(holder.id);
    }

    @Test
    @Order(3)
    void aPaymentSentToANodeThatDoesNotHoldTheTerminalIsForwardedWithEveryUpdateAndTheSignatureAndSoIsItsRefund()
            throws Exception {
        Node holder = holderOf("sim1");
        Node other = nodes.values().stream().filter(n -> n != holder).findFirst().orElseThrow();
        SignedPayment payment;
        try (PayClient client = loggedIn(other)) {
            payment = SignedPayment.run(client, "forwarded-1", "forwarded-tag-1");
            P3Transaction approved = payment.transaction();
            assertThat(TransactionStatus.of(approved)).isEqualTo(TransactionStatus.APPROVED);
            // The same tag sent again to the forwarding node names the same transaction.
            assertThat(client.query(QueryKey.byTag("forwarded-tag-1")).get(10, TimeUnit.SECONDS).transaction()
                    .identifier()).isEqualTo(approved.identifier());
        }
        P3Transaction approved = payment.transaction();
        assertThat(payment.actions()).containsExactly(ExecuteTransactionAction.CUSTOMER_SIGNATURE);
        assertThat(payment.updates()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(payment.updates())
                .allSatisfy(u -> assertThat(u.transaction().identifier()).isEqualTo(approved.identifier()));
        TransactionRecord row = journalRow("forwarded-1");
        assertThat(row.id()).isEqualTo(approved.identifier());
        assertThat(row.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(row.signatureOnReceipt()).as("the signature answered through the forwarding node").isTrue();
        assertThat(row.merchantId()).isEqualTo(MERCHANT);
        assertThat(row.protocol()).isEqualTo("P3");
        assertThat(row.requestReference()).as("journaled under the POS's own tag").isEqualTo("forwarded-tag-1");
        assertThat(history(row.id())).extracting(TransactionEvent::node).containsOnly(holder.id);
        assertThat(approved.merchantReceipt()).as("the answer carries the journal's receipts").isNotNull();

        try (PayClient client = loggedIn(other)) {
            P3Transaction refunded = client.refund(RefundRequest.of(approved.identifier())
                    .withAmount(Money.ofMinor(500, "EUR")).withCustomIdentifier("forwarded-refund-1")
                    .withTag("forwarded-refund-tag-1")).await(Duration.ofSeconds(30)).transaction();
            assertThat(TransactionStatus.of(refunded)).isEqualTo(TransactionStatus.APPROVED);
        }
        TransactionRecord refund = journalRow("forwarded-refund-1");
        assertThat(refund.kind()).isEqualTo(PaymentKind.REFUND);
        assertThat(refund.originalTransactionId()).as("a refund through any node names its original")
                .isEqualTo(approved.identifier());
        assertThat(refund.amount()).isEqualTo(Money.ofMinor(500, "EUR"));
        assertThat(refund.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(history(refund.id())).extracting(TransactionEvent::node).containsOnly(holder.id);
    }

    @Test
    @Order(4)
    void anIppPosFrontEndRequestToANodeThatDoesNotHoldTheTerminalIsForwardedToo() throws Exception {
        Node holder = holderOf("sim2");
        Node other = nodes.values().stream().filter(n -> n != holder).findFirst().orElseThrow();
        Path file = dir.resolve("ipp-till.yaml");
        Files.writeString(file, """
                gateway: {host: 127.0.0.1}
                journal: {url: memory}
                p3: {enabled: false}
                admin: {enabled: false}
                merchants: [{id: till, secret: till-secret-long, terminals: [counter]}]
                terminals:
                  - {id: counter, type: ipp, host: 127.0.0.1, port: %d}
                """.formatted(other.ippPort));
        try (Gateway till = Gateway.start(ConfigLoader.load(file))) {
            CompletableFuture<TransactionRecord> answered = new CompletableFuture<>();
            List<TerminalStatus> statuses = new CopyOnWriteArrayList<>();
            till.payments().execute(new PaymentRequest("till", "counter", "P3", "ipp-till-tag-1",
                    PaymentCommand.sale(Money.ofMinor(700, "EUR"), "ipp-forwarded-1", null)),
                    new TransactionObserver() {
                        @Override
                        public void onStatus(TransactionRecord transaction, TerminalStatus status) {
                            statuses.add(status);
                        }

                        @Override
                        public void onAction(TransactionRecord transaction, TerminalAction action) {
                        }

                        @Override
                        public void onCompleted(TransactionRecord transaction) {
                            answered.complete(transaction);
                        }
                    }).get(30, TimeUnit.SECONDS);
            assertThat(answered.get(30, TimeUnit.SECONDS).state()).as("the till's answer over IPP")
                    .isEqualTo(TransactionState.APPROVED);
            assertThat(statuses).as("the holder's progress reached the till").isNotEmpty();
        }
        TransactionRecord row = journalRow("ipp-forwarded-1");
        assertThat(row.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(row.protocol()).as("journaled under the POS's own protocol").isEqualTo("IPP");
        assertThat(row.terminalId()).isEqualTo("sim2");
        assertThat(history(row.id())).extracting(TransactionEvent::node).containsOnly(holder.id);
    }

    @Test
    @Order(5)
    void theSameCustomIdentifierSentToAllThreeNodesAtOnceStartsOneTransaction() throws Exception {
        List<PayClient> clients = new ArrayList<>();
        try {
            for (Node node : nodes.values()) {
                clients.add(loggedIn(node));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<P3Transaction>> charges = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                PayClient client = clients.get(i);
                ChargeRequest request = ChargeRequest.of("sim2", Money.ofMinor(700, "EUR"))
                        .withCustomIdentifier("same-order-1").withTag("same-tag-" + i);
                charges.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                        return client.charge(request, new TransactionListener() { }).await(Duration.ofSeconds(30))
                                .transaction();
                    } catch (Exception e) {
                        return null;
                    }
                }));
            }
            go.countDown();
            long approved = 0;
            for (CompletableFuture<P3Transaction> charge : charges) {
                P3Transaction t = charge.get(40, TimeUnit.SECONDS);
                if (t != null && TransactionStatus.of(t) == TransactionStatus.APPROVED) {
                    approved++;
                }
            }
            assertThat(approved).isGreaterThanOrEqualTo(1);
        } finally {
            clients.forEach(PayClient::close);
        }
        assertThat(journalRows("same-order-1")).hasSize(1);
    }

    @Test
    @Order(6)
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void killOfTheHolderMidIppAndNexoPaymentsIsRecoveredByAnotherNodeThroughTheStatusQuery() throws Exception {
        Map<String, Node> holders = new LinkedHashMap<>();
        Map<String, PayClient> clients = new LinkedHashMap<>();
        try {
            for (String terminal : List.of("ipp1", "nexo1")) {
                Node holder = holderOf(terminal);
                holders.put(terminal, holder);
                PayClient client = loggedIn(holder);
                clients.put(terminal, client);
                client.charge(ChargeRequest.of(terminal, Money.ofMinor(2500, "EUR"))
                        .withCustomIdentifier("killed-" + terminal).withTag("killed-tag-" + terminal),
                        new TransactionListener() { });
            }
            // The driver reports "connecting" before the terminal has the payment: wait until the
            // emulated terminals run it, so that the kill interrupts their card flow.
            for (String terminal : holders.keySet()) {
                await(() -> emulators.payments().runningTransaction("e-" + terminal).isPresent(),
                        "a payment running on the emulated terminal e-" + terminal);
            }
            for (Node holder : new LinkedHashSet<>(holders.values())) {
                holder.process.kill();
            }
        } finally {
            clients.values().forEach(PayClient::close);
        }
        long killedAt = System.nanoTime();
        try {
            for (String terminal : holders.keySet()) {
                assertThat(history(journalRow("killed-" + terminal).id())).as("%s was still running at the kill",
                        terminal).noneMatch(e -> e.state().isFinal() && holders.get(terminal).id.equals(e.node()));
                TransactionRecord recovered = awaitRow("killed-" + terminal,
                        r -> r.isFinal() || r.state() == TransactionState.UNKNOWN, "an outcome for " + terminal);
                System.out.printf("ClusterProcessTest: %s recovered by another node %d ms after kill -9 of %s%n",
                        terminal, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt),
                        holders.get(terminal).id);
                List<TransactionEvent> history = history(recovered.id());
                TransactionEvent last = history.get(history.size() - 1);
                assertThat(last.node()).as("the node that recovered %s", terminal)
                        .isNotEqualTo(holders.get(terminal).id).isNotNull();
                assertThat(recovered.state()).as("outcome on %s; node logs:%s", terminal, logTails())
                        .isEqualTo(TransactionState.APPROVED);
                assertThat(last.note()).isEqualTo(TAKE_OVER_NOTE);
                Node survivor = nodes.values().stream().filter(n -> n.process.isAlive()).findFirst().orElseThrow();
                try (PayClient client = loggedIn(survivor)) {
                    P3Transaction byTag = client.query(QueryKey.byTag("killed-tag-" + terminal))
                            .get(10, TimeUnit.SECONDS).transaction();
                    assertThat(TransactionStatus.of(byTag)).isEqualTo(TransactionStatus.APPROVED);
                }
            }
        } finally {
            for (Node node : nodes.values()) {
                if (!node.process.isAlive()) {
                    node.start();
                }
            }
        }
        awaitBalanced();
    }

    @Test
    @Order(7)
    void aNodeFrozenPastItsLeaseCannotWriteAStaleOutcome() throws Exception {
        Node holder = holderOf("sim1");
        try (PayClient client = loggedIn(holder)) {
            client.charge(ChargeRequest.of("sim1", Money.ofMinor(1800, "EUR")).withCustomIdentifier("frozen-1")
                    .withTag("frozen-tag-1"), new TransactionListener() { });
            awaitRow("frozen-1", r -> r.state() == TransactionState.IN_PROGRESS, "IN_PROGRESS on sim1");
            holder.process.signal("STOP");
            try {
                TransactionRecord unknown = awaitRow("frozen-1", r -> r.state() == TransactionState.UNKNOWN,
                        "UNKNOWN after the take-over (a simulated terminal has no status query)");
                assertThat(status().leases()).filteredOn(l -> l.terminalId().equals("sim1"))
                        .singleElement().satisfies(l -> assertThat(l.holder()).isNotEqualTo(holder.id));
                assertThat(unknown.id()).isNotNull();
            } finally {
                holder.process.signal("CONT");
            }
            holder.process.awaitLogLine(line -> line.contains("ALARM transaction") && line.contains("not recorded")
                    && line.contains("lease passed from node " + holder.id), SETTLE);
        }
        TransactionRecord row = journalRow("frozen-1");
        assertThat(row.state()).as("the frozen node's APPROVED is refused").isEqualTo(TransactionState.UNKNOWN);
        List<TransactionEvent> history = history(row.id());
        assertThat(history).extracting(TransactionEvent::state).doesNotContain(TransactionState.APPROVED);
        assertThat(history.get(history.size() - 1).node()).isNotEqualTo(holder.id);
    }

    // ------------------------------------------------------------------------------ helpers

    private String nodeConfig(String id, int webSocketPort, int tcpPort, int ippPort) {
        StringBuilder yaml = new StringBuilder()
                .append("gateway: {host: 127.0.0.1, transactionTimeout: 60s}\n")
                .append("journal:\n")
                .append("  url: ").append(url).append('\n')
                .append("  user: ").append(user).append('\n')
                .append("  cluster: {nodeId: ").append(id).append(", leaseTime: ").append(LEASE.toMillis())
                .append("ms, secret: ").append(CLUSTER_SECRET).append("}\n")
                .append("p3: {websocketPort: ").append(webSocketPort).append(", tcpPort: ").append(tcpPort)
                .append("}\n")
                .append("admin: {enabled: false}\n")
                .append("merchants: [{id: ").append(MERCHANT).append(", secret: ").append(SECRET)
                .append(", terminals: [").append(String.join(", ", TERMINALS)).append("]}]\n")
                .append("terminals:\n")
                .append("  - {id: sim1, speed: 300ms}\n")
                .append("  - {id: sim2, speed: 50ms}\n");
        StringBuilder frontEnds = new StringBuilder("frontEnds: [{protocol: ipp, port: ").append(ippPort)
                .append(", terminal: sim2}]\n");
        for (Protocol protocol : List.of(Protocol.IPP, Protocol.NEXO)) {
            String terminal = protocol == Protocol.IPP ? "ipp1" : "nexo1";
            yaml.append("  - {id: ").append(terminal).append(", type: ").append(protocol.configName())
                    .append(", host: 127.0.0.1, port: ")
                    .append(emulators.frontEndAddress(protocol, "e-" + terminal).getPort()).append("}\n");
        }
        return yaml.append(frontEnds).toString();
    }

    /** The IPP and nexo terminals: simulated terminals behind front-ends of their protocol, in this JVM. */
    private Gateway startEmulators() throws Exception {
        String yaml = """
                gateway: {host: 127.0.0.1}
                journal: {url: memory}
                p3: {enabled: false}
                admin: {enabled: false}
                merchants: [{id: emulators, secret: emulator-secret, terminals: [e-ipp1, e-nexo1]}]
                terminals:
                  - {id: e-ipp1, speed: 400ms}
                  - {id: e-nexo1, speed: 400ms}
                frontEnds:
                  - {protocol: ipp, port: 0, terminal: e-ipp1}
                  - {protocol: nexo, port: 0, terminal: e-nexo1}
                """;
        Path file = dir.resolve("emulators.yaml");
        Files.writeString(file, yaml);
        return Gateway.start(ConfigLoader.load(file));
    }

    /** Waits until every node is live and every terminal is held by the node rendezvous hashing gives it. */
    private void awaitBalanced() throws Exception {
        await(() -> {
            ClusterStatus status = status();
            List<String> live = status.nodes().stream()
                    .filter(n -> n.heartbeatAge().compareTo(LEASE) < 0).map(ClusterStatus.Node::nodeId).toList();
            return live.containsAll(NODES) && status.leases().size() == TERMINALS.size()
                    && status.leases().stream().allMatch(l -> l.live()
                            && l.holder().equals(Rendezvous.owner(l.terminalId(), NODES).orElseThrow()));
        }, "every terminal on the node it belongs to");
    }

    private Node holderOf(String terminal) {
        return nodes.get(Rendezvous.owner(terminal, NODES).orElseThrow());
    }

    private ClusterStatus status() {
        return ClusterStatus.read(new JournalSettings(url, user, null));
    }

    private PayClient loggedIn(Node node) throws Exception {
        PayClient client = PayClient.builder(node.uri()).connectTimeout(Duration.ofSeconds(3))
                .requestTimeout(Duration.ofSeconds(10)).build();
        client.connect().get(10, TimeUnit.SECONDS);
        client.login(MERCHANT, SECRET).get(10, TimeUnit.SECONDS);
        return client;
    }

    private TransactionRecord awaitRow(String reference, Predicate<TransactionRecord> condition, String what)
            throws Exception {
        TransactionRecord[] found = new TransactionRecord[1];
        await(() -> {
            Optional<TransactionRecord> row = journalRows(reference).stream().findFirst();
            row.ifPresent(r -> found[0] = r);
            return row.filter(condition).isPresent();
        }, () -> what + " (last seen " + (found[0] == null ? "nothing" : found[0].state()) + ")");
        return found[0];
    }

    private TransactionRecord journalRow(String reference) {
        List<TransactionRecord> rows = journalRows(reference);
        assertThat(rows).as("rows with reference %s", reference).hasSize(1);
        return rows.get(0);
    }

    private List<TransactionRecord> journalRows(String reference) {
        return journal.findByReference(MERCHANT, reference, Instant.EPOCH);
    }

    private List<TransactionEvent> history(String id) {
        return journal.history(id);
    }

    private void await(Supplier<Boolean> condition, String what) throws Exception {
        await(condition, () -> what);
    }

    private void await(Supplier<Boolean> condition, Supplier<String> what) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no " + what.get() + " within " + SETTLE + logTails());
            }
            Thread.sleep(50);
        }
    }

    private String logTails() {
        StringBuilder logs = new StringBuilder();
        for (Node node : nodes.values()) {
            logs.append("\n--- ").append(node.id).append(":\n")
                    .append(node.process == null ? "" : node.process.tail(15));
        }
        return logs.toString();
    }

    static String postgresUserOrSkip() {
        SQLException last = null;
        for (String candidate : List.of("postgres", "root")) {
            try (Connection ignored = DriverManager.getConnection(SERVER + "test?connectTimeout=3", candidate, null)) {
                return candidate;
            } catch (SQLException e) {
                last = e;
            }
        }
        String message = "PostgreSQL at " + SERVER + "test is unreachable: " + (last == null ? "" : last.getMessage());
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(message + " (CI must run the cluster tests)");
        }
        Assumptions.abort(message);
        throw new IllegalStateException("unreachable");
    }

    private void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, null);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A payment of 12.92 EUR on sim1 (the simulated signature flow), signed on the receipt when asked. */
    private record SignedPayment(P3Transaction transaction, List<TransactionUpdate> updates, List<String> actions) {

        static SignedPayment run(PayClient client, String customIdentifier, String tag) throws Exception {
            List<TransactionUpdate> updates = new CopyOnWriteArrayList<>();
            List<String> actions = new CopyOnWriteArrayList<>();
            P3Transaction transaction = client.charge(ChargeRequest.of("sim1", Money.ofMinor(1292, "EUR"))
                    .withCustomIdentifier(customIdentifier).withTag(tag), new TransactionListener() {
                        @Override
                        public void onUpdate(TransactionUpdate update) {
                            updates.add(update);
                        }

                        @Override
                        public void onAction(ActionRequest action) {
                            actions.add(action.rawAction());
                            if (action.action() == TransactionAction.CUSTOMER_SIGNATURE) {
                                action.signOnReceipt();
                            }
                        }
                    }).await(Duration.ofSeconds(30)).transaction();
            return new SignedPayment(transaction, updates, actions);
        }
    }
}
