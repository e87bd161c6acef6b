package io.tillgate.journal;

import static io.tillgate.journal.Transactions.MERCHANT;
import static io.tillgate.journal.Transactions.T0;
import static io.tillgate.journal.Transactions.TERMINAL;
import static io.tillgate.journal.Transactions.approval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.transaction.ClaimConflictException;
import io.tillgate.core.transaction.FencedWriteException;
import io.tillgate.core.transaction.TransactionEvent;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.journal.internal.ConnectionFactory;
import io.tillgate.journal.internal.LeaseTable;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two cluster nodes' journals on one PostgreSQL schema of this class's own: the database itself
 * refuses a write whose lease epoch is stale, and a second transaction with a message identity or
 * POS reference another one holds.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FencedJournalTest {

    private static final String SCHEMA = "tg_fence_" + Transactions.newId().substring(0, 12);
    private static final String OTHER_TERMINAL = "till-2";
    private static final Duration LONG = Duration.ofSeconds(30);
    private static String user;

    /** Each node's fences, as its lease keeper would publish them. */
    private final Map<String, Fence> fencesOfA = new ConcurrentHashMap<>();
    private final Map<String, Fence> fencesOfB = new ConcurrentHashMap<>();
    private JdbcJournal nodeA;
    private JdbcJournal nodeB;
    private LeaseTable leases;

    @BeforeAll
    static void createSchema() throws SQLException {
        user = LocalPostgres.userOrSkip();
        LocalPostgres.execute(LocalPostgres.URL, user, "CREATE SCHEMA " + SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (user != null) {
            LocalPostgres.execute(LocalPostgres.URL, user, "DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    private static JournalSettings settings() {
        return new JournalSettings(LocalPostgres.URL + "?currentSchema=" + SCHEMA, user, null);
    }

    @BeforeEach
    void openNodes() throws SQLException {
        nodeA = JdbcJournal.openFenced(settings(), CommitObserver.NONE,
                terminal -> Optional.ofNullable(fencesOfA.get(terminal)));
        nodeB = JdbcJournal.openFenced(settings(), CommitObserver.NONE,
                terminal -> Optional.ofNullable(fencesOfB.get(terminal)));
        leases = new LeaseTable(new ConnectionFactory(settings()));
        LocalPostgres.execute(settings().jdbcUrl(), user, "DELETE FROM transaction_claims",
                "DELETE FROM transaction_events", "DELETE FROM transactions", "DELETE FROM terminal_leases");
    }

    @AfterEach
    void closeNodes() {
        nodeA.close();
        nodeB.close();
        leases.close();
    }

    @Test
    void aWriteUnderAStaleEpochIsRefusedByTheDatabaseAndTheNewHolderWrites() throws Exception {
        hold("a", TERMINAL, Duration.ofMillis(300), fencesOfA);
        TransactionRecord created = record(TERMINAL, "req-1", "order-1");
        nodeA.insert(created).join();
        TransactionRecord inProgress = created.withState(TransactionState.IN_PROGRESS, T0.plusSeconds(1));
        nodeA.update(inProgress).join();

        Thread.sleep(400); // node a paused past its lease
        hold("b", TERMINAL, LONG, fencesOfB);
        assertThat(fencesOfB.get(TERMINAL).epoch()).isEqualTo(2);

        TransactionRecord stale = inProgress.withOutcome(approval(), true, T0.plusSeconds(2));
        assertThatThrownBy(() -> nodeA.update(stale).join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(FencedWriteException.class)
                .hasMessageContaining("passed from node a (epoch 1) to node b (epoch 2)");

        TransactionRecord unknown = inProgress.withState(TransactionState.UNKNOWN, T0.plusSeconds(3));
        nodeB.update(unknown, "recovered after a take-over").join();
        assertThat(nodeA.findById(created.id())).get().extracting(TransactionRecord::state)
                .isEqualTo(TransactionState.UNKNOWN);
        assertThat(nodeA.history(created.id())).extracting(TransactionEvent::state, TransactionEvent::node)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TransactionState.CREATED, "a"),
                        org.assertj.core.groups.Tuple.tuple(TransactionState.IN_PROGRESS, "a"),
                        org.assertj.core.groups.Tuple.tuple(TransactionState.UNKNOWN, "b"));
    }

    @Test
    void aNewTransactionNeedsALiveLease() throws Exception {
        hold("a", TERMINAL, Duration.ofMillis(200), fencesOfA);
        Thread.sleep(300);
        TransactionRecord created = record(TERMINAL, "req-2", null);
        assertThatThrownBy(() -> nodeA.insert(created).join()).cause().isInstanceOf(FencedWriteException.class)
                .hasMessageContaining("has expired");
        assertThatThrownBy(() -> nodeB.insert(created).join()).cause().isInstanceOf(FencedWriteException.class)
                .hasMessageContaining("holds no lease");
        assertThat(nodeA.findById(created.id())).isEmpty();
    }

    @Test
    void theSameReferenceOnTwoNodesAtOnceStartsOneTransactionUntilTheFirstIsFinal() throws Exception {
        hold("a", TERMINAL, LONG, fencesOfA);
        hold("b", OTHER_TERMINAL, LONG, fencesOfB);
        TransactionRecord first = record(TERMINAL, "req-a", "order-7");
        nodeA.insert(first).join();

        TransactionRecord second = record(OTHER_TERMINAL, "req-b", "order-7");
        assertThatThrownBy(() -> nodeB.insert(second).join()).cause()
                .isInstanceOfSatisfying(ClaimConflictException.class,
                        e -> assertThat(e.existingTransactionId()).isEqualTo(first.id()));
        TransactionRecord sameMessage = record(OTHER_TERMINAL, "req-a", null);
        assertThatThrownBy(() -> nodeB.insert(sameMessage).join()).cause()
                .isInstanceOf(ClaimConflictException.class);
        assertThat(nodeB.findByReference(MERCHANT, "order-7", T0.minusSeconds(1))).hasSize(1);

        nodeA.update(first.withOutcome(approval(), true, T0.plusSeconds(1))).join();
        TransactionRecord retry = record(OTHER_TERMINAL, "req-c", "order-7");
        nodeB.insert(retry).join();
        assertThat(nodeB.findByReference(MERCHANT, "order-7", T0.minusSeconds(1))).hasSize(2);
    }

    private void hold(String node, String terminal, Duration leaseTime, Map<String, Fence> fences) {
        long epoch = leases.acquire(terminal, node, leaseTime).orElseThrow();
        fences.put(terminal, new Fence(node, epoch));
    }

    private static TransactionRecord record(String terminal, String requestReference, String reference) {
        return new TransactionRecord(Transactions.newId(), MERCHANT, terminal, "P3", requestReference,
                PaymentKind.SALE, Money.ofMinor(1250, "EUR"), reference, null, null, false, false,
                TransactionState.CREATED, null, T0, T0);
    }
}
