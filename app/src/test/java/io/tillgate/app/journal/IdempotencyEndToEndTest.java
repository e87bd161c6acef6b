package io.tillgate.app.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.app.Gateway;
import io.tillgate.app.TestSettings;
import io.tillgate.app.config.GatewaySettings;
import io.tillgate.core.money.Money;
import io.tillgate.core.transaction.TransactionEvent;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.journal.JdbcJournal;
import io.tillgate.journal.JournalSettings;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.P3ErrorException;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.QueryKey;
import io.tillgate.p3.client.ReconnectPolicy;
import io.tillgate.p3.client.TransactionHandle;
import io.tillgate.p3.client.TransactionListener;
import io.tillgate.p3.client.TransactionResult;
import io.tillgate.p3.client.TransactionStatus;
import io.tillgate.p3.client.TransactionUpdate;
import io.tillgate.p3.codec.P3Transaction;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Idempotency over P3 against the real gateway and its SQLite journal (docs/protocols/identity.md): a
 * POS that sends a request again under its tag, or repeats an approved or running payment's
 * customIdentifier — after the original finished, while it still runs, or after the gateway
 * restarted — gets the one transaction the gateway ran, never a second charge; the same key with
 * different parameters is refused. After a decline, an abort or a failure the customIdentifier is a
 * new attempt; after an outcome nobody knows it is refused until an operator resolves it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IdempotencyEndToEndTest {

    private static final String MERCHANT = "demo";
    private static final String SECRET = "tillgate-demo-secret";
    private static final String DEVICE = "sim-1";
    private static final String WAITING_FOR_CARD = "WAITING_FOR_CARD_PRESENTATION";

    @TempDir
    static Path journalDir;

    private static Gateway gateway;
    private static JdbcJournal journal;

    private final List<PayClient> clients = new ArrayList<>();

    @BeforeAll
    static void startGateway() {
        gateway = Gateway.start(TestSettings.fastDefault(journalDir));
        journal = JdbcJournal.open(JournalSettings.sqlite(journalDir.resolve("journal.db")));
    }

    @AfterAll
    static void stopGateway() {
        journal.close();
        gateway.close();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(PayClient::close);
    }

    @Test
    void aCustomIdentifierRepeatedAfterAnApprovalAnswersTheStoredApprovalWithoutASecondCharge() throws Exception {
        String reference = "idem-ref-approved";
        P3Transaction original = charge(client(gateway.p3TcpUri()),
                ChargeRequest.of(DEVICE, eur("12.00")).withCustomIdentifier(reference));
        P3Transaction repeat = charge(client(gateway.p3WebSocketUri()),
                ChargeRequest.of(DEVICE, eur("12.00")).withCustomIdentifier(reference));

        assertThat(TransactionStatus.of(original)).isEqualTo(TransactionStatus.APPROVED);
        assertSameTransaction(repeat, original);
        TransactionRecord row = onlyRow(r -> reference.equals(r.reference()));
        assertThat(row.id()).isEqualTo(original.identifier());
        assertThat(journal.history(row.id())).extracting(TransactionEvent::state)
                .as("one run on the terminal").containsOnlyOnce(TransactionState.SENT);
    }

    @ParameterizedTest(name = "{0} → {1}, then a new attempt")
    @CsvSource({"12.91, DECLINED", "12.94, ABORTED", "12.99, ERROR"})
    void aCustomIdentifierRetriedAfterADeclineAnAbortOrAFailureRunsAgain(String amount, String status)
            throws Exception {
        String reference = "idem-ref-" + amount;
        PayClient pos = client(gateway.p3TcpUri());

        P3Transaction first = charge(pos, ChargeRequest.of(DEVICE, eur(amount)).withCustomIdentifier(reference));
        P3Transaction retry = charge(client(gateway.p3WebSocketUri()),
                ChargeRequest.of(DEVICE, eur("12.00")).withCustomIdentifier(reference));

        assertThat(TransactionStatus.of(first)).isEqualTo(TransactionStatus.valueOf(status));
        assertThat(TransactionStatus.of(retry)).isEqualTo(TransactionStatus.APPROVED);
        assertThat(retry.identifier()).isNotEqualTo(first.identifier());
        List<TransactionRecord> rows = rows(r -> reference.equals(r.reference()));
        assertThat(rows).extracting(TransactionRecord::id)
                .containsExactlyInAnyOrder(first.identifier(), retry.identifier());
        for (TransactionRecord row : rows) {
            assertThat(journal.history(row.id())).extracting(TransactionEvent::state)
                    .as("each ran once on the terminal").containsOnlyOnce(TransactionState.SENT);
        }
        P3Transaction newest = pos.query(QueryKey.byCustomIdentifier(reference)).get(5, TimeUnit.SECONDS).transaction();
        assertThat(newest.identifier()).as("a lookup by customIdentifier names the newest").isEqualTo(
                retry.identifier());
    }

    @Test
    void aRepeatedRequestTagAnswersTheStoredResultWithoutASecondCharge() throws Exception {
        ChargeRequest request = ChargeRequest.of(DEVICE, eur("13.00")).withTag("idem-tag-1");

        P3Transaction original = charge(client(gateway.p3WebSocketUri()), request);
        P3Transaction repeat = charge(client(gateway.p3TcpUri()), ChargeRequest.of(DEVICE, eur("13.00"))
                .withTag("idem-tag-1"));

        assertThat(TransactionStatus.of(original)).isEqualTo(TransactionStatus.APPROVED);
        assertSameTransaction(repeat, original);
        assertThat(onlyRow(r -> "idem-tag-1".equals(r.requestReference())).id()).isEqualTo(original.identifier());
    }

    @Test
    void theSameCustomIdentifierWithOtherParametersIsRefusedAsParameterInvalid() throws Exception {
        PayClient pos = client(gateway.p3TcpUri());
        P3Transaction original = charge(pos, ChargeRequest.of(DEVICE, eur("14.00")).withCustomIdentifier("idem-ref-x"));

        assertRefusedAsParameterInvalid(pos, ChargeRequest.of(DEVICE, eur("14.01")).withCustomIdentifier("idem-ref-x"));
        assertRefusedAsParameterInvalid(pos, ChargeRequest.of("sim-2", eur("14.00")).withCustomIdentifier("idem-ref-x"));

        assertThat(onlyRow(r -> "idem-ref-x".equals(r.reference())).id()).isEqualTo(original.identifier());
    }

    @Test
    void theSameRequestTagWithAnotherAmountIsRefusedAsParameterInvalid() throws Exception {
        PayClient pos = client(gateway.p3WebSocketUri());
        P3Transaction original = charge(pos, ChargeRequest.of(DEVICE, eur("15.00")).withTag("idem-tag-x"));

        assertRefusedAsParameterInvalid(pos, ChargeRequest.of(DEVICE, eur("16.00")).withTag("idem-tag-x"));

        assertThat(onlyRow(r -> "idem-tag-x".equals(r.requestReference())).id()).isEqualTo(original.identifier());
    }

    @Test
    void simultaneousRepeatsOfAQuickPaymentMakeOneTransaction() throws Exception {
        PayClient tcp = client(gateway.p3TcpUri());
        PayClient ws = client(gateway.p3WebSocketUri());
        for (int i = 0; i < 10; i++) {
            ChargeRequest request = ChargeRequest.of(DEVICE, eur("17.00")).withCustomIdentifier("idem-race-quick-" + i)
                    .withTag("idem-race-quick-tag-" + i);

            CompletableFuture<P3Transaction> one = tcp.charge(request, null)
                    .outcome().thenApply(TransactionResult::transaction);
            CompletableFuture<P3Transaction> other = ws.charge(request, null)
                    .outcome().thenApply(TransactionResult::transaction);

            P3Transaction a = one.get(10, TimeUnit.SECONDS);
            P3Transaction b = other.get(10, TimeUnit.SECONDS);
            assertThat(TransactionStatus.of(a)).isEqualTo(TransactionStatus.APPROVED);
            assertSameTransaction(b, a);
            String reference = request.customIdentifier();
            assertThat(onlyRow(r -> reference.equals(r.reference())).id()).isEqualTo(a.identifier());
        }
    }

    @Test
    void aRepeatRacingTheRunningOriginalAttachesToItAndSharesItsAbort() throws Exception {
        PayClient tcp = client(gateway.p3TcpUri());
        PayClient ws = client(gateway.p3WebSocketUri());
        for (int i = 0; i < 3; i++) {
            ChargeRequest request = ChargeRequest.of(DEVICE, eur("12.93")).withCustomIdentifier("idem-race-slow-" + i)
                    .withTag("idem-race-slow-tag-" + i);
            CompletableFuture<Void> tcpWaits = new CompletableFuture<>();
            CompletableFuture<Void> wsWaits = new CompletableFuture<>();

            TransactionHandle one = tcp.charge(request, waitingForCard(tcpWaits));
            TransactionHandle other = ws.charge(request, waitingForCard(wsWaits));
            CompletableFuture.allOf(tcpWaits, wsWaits).get(10, TimeUnit.SECONDS);
            (i % 2 == 0 ? one : other).abort().get(5, TimeUnit.SECONDS);

            P3Transaction a = one.outcome().get(10, TimeUnit.SECONDS).transaction();
            P3Transaction b = other.outcome().get(10, TimeUnit.SECONDS).transaction();
            assertThat(TransactionStatus.of(a)).isEqualTo(TransactionStatus.ABORTED);
            assertSameTransaction(b, a);
            String reference = request.customIdentifier();
            TransactionRecord row = onlyRow(r -> reference.equals(r.reference()));
            assertThat(row.id()).isEqualTo(a.identifier());
            assertThat(row.state()).isEqualTo(TransactionState.ABORTED);
        }
    }

    /**
     * A second gateway on the same journal (and the same ports) knows what the first one did: a
     * repeat still answers the stored result, and the payment that was waiting for a card when the
     * first gateway stopped is UNKNOWN (INCONCLUSIVE in P3) — also to the POS that started it, whose
     * client recovers the outcome from the new gateway by itself.
     */
    @Test
    void idempotencyAndTheUnfinishedPaymentSurviveARestart(@TempDir Path ownJournal) throws Exception {
        GatewaySettings settings = TestSettings.fastDefault(ownJournal);
        Gateway first = Gateway.start(settings);
        Gateway running = first;
        try {
            P3Transaction done = charge(client(first.p3TcpUri()),
                    ChargeRequest.of(DEVICE, eur("18.00")).withCustomIdentifier("durable-done").withTag("durable-t1"));
            PayClient waiting = client(first.p3WebSocketUri());
            CompletableFuture<Void> atCard = new CompletableFuture<>();
            CompletableFuture<P3Transaction> unfinished = waiting.charge(ChargeRequest.of(DEVICE, eur("18.93"))
                    .withCustomIdentifier("durable-midflight").withTag("durable-t2"), waitingForCard(atCard))
                    .outcome().thenApply(TransactionResult::transaction);
            atCard.get(10, TimeUnit.SECONDS);
            int wsPort = first.p3WebSocketUri().getPort();
            int tcpPort = first.p3TcpUri().getPort();

            first.close();
            running = null;
            Gateway second = Gateway.start(settings.withP3Ports(wsPort, tcpPort));
            running = second;

            P3Transaction recovered = unfinished.get(15, TimeUnit.SECONDS);
            assertThat(TransactionStatus.of(recovered)).isEqualTo(TransactionStatus.INCONCLUSIVE);
            PayClient pos = client(second.p3TcpUri());
            assertSameTransaction(charge(pos, ChargeRequest.of(DEVICE, eur("18.00")).withCustomIdentifier("durable-done")),
                    done);
            assertSameTransaction(charge(pos, ChargeRequest.of(DEVICE, eur("18.00")).withTag("durable-t1")), done);
            P3Transaction byTag = pos.query(QueryKey.byTag("durable-t2")).get(5, TimeUnit.SECONDS).transaction();
            assertThat(TransactionStatus.of(byTag)).isEqualTo(TransactionStatus.INCONCLUSIVE);
            assertThat(byTag.identifier()).isEqualTo(recovered.identifier());
            assertThatThrownBy(() -> pos.charge(ChargeRequest.of(DEVICE, eur("18.93"))
                    .withCustomIdentifier("durable-midflight"), null).outcome().get(10, TimeUnit.SECONDS).transaction())
                    .as("a customIdentifier whose outcome nobody knows waits for an operator")
                    .cause().isInstanceOfSatisfying(P3ErrorException.class, e -> {
                        assertThat(e.rawType()).isEqualTo("PARAMETER_INVALID");
                        assertThat(e.error().developerMessage()).contains(recovered.identifier(),
                                "unknown outcome", "tillgate journal resolve");
                    });
        } finally {
            if (running != null) {
                running.close();
            }
        }

        try (JdbcJournal own = JdbcJournal.open(JournalSettings.sqlite(ownJournal.resolve("journal.db")))) {
            List<TransactionRecord> rows = own.findSince(Instant.EPOCH);
            assertThat(rows).extracting(TransactionRecord::reference)
                    .containsExactlyInAnyOrder("durable-done", "durable-midflight");
            TransactionRecord midflight = rows.stream().filter(r -> r.reference().equals("durable-midflight"))
                    .findFirst().orElseThrow();
            assertThat(midflight.state()).isEqualTo(TransactionState.UNKNOWN);
            assertThat(own.history(midflight.id())).extracting(TransactionEvent::state).containsExactly(
                    TransactionState.CREATED, TransactionState.SENT, TransactionState.IN_PROGRESS,
                    TransactionState.UNKNOWN);
        }
    }

    // ------------------------------------------------------------------------------------------

    private PayClient client(URI uri) throws Exception {
        PayClient client = PayClient.builder(uri)
                .reconnectPolicy(new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(200),
                        Duration.ofSeconds(10)))
                .recoveryPollInterval(Duration.ofMillis(20))
                .build();
        clients.add(client);
        client.connect().get(5, TimeUnit.SECONDS);
        client.login(MERCHANT, SECRET).get(5, TimeUnit.SECONDS);
        return client;
    }

    /** Runs a charge to its end; a terminal failure (ERROR response) still yields its transaction. */
    private static P3Transaction charge(PayClient client, ChargeRequest request) throws Exception {
        try {
            return client.charge(request, null).outcome().get(10, TimeUnit.SECONDS).transaction();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof P3ErrorException error && error.transaction().isPresent()) {
                return error.transaction().get();
            }
            throw e;
        }
    }

    private static TransactionListener waitingForCard(CompletableFuture<Void> reached) {
        return new TransactionListener() {
            @Override
            public void onUpdate(TransactionUpdate update) {
                if (update.abortable() && WAITING_FOR_CARD.equals(update.state())) {
                    reached.complete(null);
                }
            }
        };
    }

    private static void assertRefusedAsParameterInvalid(PayClient client, ChargeRequest request) {
        assertThatThrownBy(() -> client.charge(request, null).outcome().get(10, TimeUnit.SECONDS).transaction())
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(P3ErrorException.class, e -> {
                    assertThat(e.rawType()).isEqualTo("PARAMETER_INVALID");
                    assertThat(e.error().developerMessage()).contains("already named transaction",
                            "this request differs from it");
                });
    }

    /** The repeat is the original transaction: same id, status, terminal run and receipt. */
    private static void assertSameTransaction(P3Transaction repeat, P3Transaction original) {
        assertThat(repeat.identifier()).isEqualTo(original.identifier());
        assertThat(repeat.status()).isEqualTo(original.status());
        assertThat(repeat.amount()).isEqualByComparingTo(original.amount());
        assertThat(Objects.toString(repeat.clearingDetails())).isEqualTo(Objects.toString(original.clearingDetails()));
        assertThat(Objects.toString(repeat.customerReceipt())).isEqualTo(Objects.toString(original.customerReceipt()));
    }

    private static TransactionRecord onlyRow(Predicate<TransactionRecord> which) {
        List<TransactionRecord> rows = rows(which);
        assertThat(rows).as("journal rows").hasSize(1);
        return rows.get(0);
    }

    private static List<TransactionRecord> rows(Predicate<TransactionRecord> which) {
        return journal.findSince(Instant.EPOCH).stream().filter(which).toList();
    }

    private static Money eur(String major) {
        return Money.ofMajor(major, "EUR");
    }
}
