package io.tillgate.journal;

import static io.tillgate.journal.Transactions.MERCHANT;
import static io.tillgate.journal.Transactions.at;
import static io.tillgate.journal.Transactions.created;
import static io.tillgate.journal.Transactions.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PostgreSQL chosen by URL: the same contract, in a schema of its own that is dropped afterwards. */
class PostgresJournalTest extends JdbcJournalContract {

    private static final String SCHEMA = "tg_" + Transactions.newId().substring(0, 12);
    private static final String APPLICATION = "tillgate-journal-" + SCHEMA;
    private static String user;

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

    @Override
    protected JournalSettings settings() {
        return new JournalSettings(
                LocalPostgres.URL + "?currentSchema=" + SCHEMA + "&ApplicationName=" + APPLICATION, user, null);
    }

    @Override
    protected void deleteAll() throws SQLException {
        LocalPostgres.execute(settings().jdbcUrl(), user, "DELETE FROM transaction_events",
                "DELETE FROM transactions");
    }

    @Test
    void journalCarriesOnAfterTheServerDroppedItsConnections() throws Exception {
        TransactionRecord before = sale(at(0));
        await(store.insert(before));
        assertThat(store.findById(before.id())).isPresent();

        terminateJournalConnections();

        TransactionRecord after = sale(at(1));
        await(store.insert(after));
        await(store.update(before.withState(TransactionState.SENT, at(2))));
        assertThat(store.findById(after.id())).contains(after);
        assertThat(store.findById(before.id()).orElseThrow().state()).isEqualTo(TransactionState.SENT);
    }

    @Test
    void writeTheDatabaseRejectsFailsAloneInItsBatch() throws Exception {
        TransactionRecord first = sale(at(0));
        TransactionRecord tooLongOriginal = created(PaymentKind.REFUND, MERCHANT, "r", null, "x".repeat(40), at(1));
        TransactionRecord last = sale(at(2));

        List<CompletableFuture<Void>> writes = whileWriterBlocked(
                () -> List.of(store.insert(first), store.insert(tooLongOriginal), store.insert(last)));

        await(writes.get(0));
        assertThatThrownBy(() -> await(writes.get(1))).isInstanceOf(JournalException.class)
                .hasMessageContaining(tooLongOriginal.id());
        await(writes.get(2));
        assertThat(store.findById(first.id())).contains(first);
        assertThat(store.findById(last.id())).contains(last);
        assertThat(store.findById(tooLongOriginal.id())).isEmpty();
    }

    @Test
    void failedCommitFailsItsWholeBatchAndTheWriterCarriesOn() throws Exception {
        LocalPostgres.execute(settings().jdbcUrl(), user,
                "CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS "
                        + "$$ BEGIN IF NEW.subject = 'POISON' THEN RAISE EXCEPTION 'poisoned at commit'; END IF; "
                        + "RETURN NEW; END $$",
                "CREATE CONSTRAINT TRIGGER poison_at_commit AFTER INSERT ON transactions "
                        + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_poison()");
        try {
            TransactionRecord ok = sale(at(0));
            TransactionRecord poison = poisoned(sale(at(1)));
            TransactionRecord bystander = sale(at(2));

            List<CompletableFuture<Void>> writes = whileWriterBlocked(
                    () -> List.of(store.insert(poison), store.insert(bystander)));

            for (CompletableFuture<Void> write : writes) {
                assertThatThrownBy(() -> await(write)).isInstanceOf(JournalException.class)
                        .hasMessageContaining("not committed");
            }
            await(store.insert(ok));
            assertThat(store.findById(ok.id())).contains(ok);
            assertThat(store.findById(bystander.id())).isEmpty();
        } finally {
            LocalPostgres.execute(settings().jdbcUrl(), user, "DROP TRIGGER poison_at_commit ON transactions",
                    "DROP FUNCTION refuse_poison()");
        }
    }

    /**
     * Submits {@code writes} while another session locks the table, so the writer is stuck on an
     * earlier write and they queue up into one batch.
     */
    private List<CompletableFuture<Void>> whileWriterBlocked(
            Supplier<List<CompletableFuture<Void>>> writes) throws Exception {
        try (Connection lock = DriverManager.getConnection(settings().jdbcUrl(), user, null)) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE transactions IN ACCESS EXCLUSIVE MODE");
            }
            TransactionRecord stuck = sale(at(-1));
            CompletableFuture<Void> blocked = store.insert(stuck);
            waitUntilWriterWaitsForLock();
            List<CompletableFuture<Void>> submitted = writes.get();
            lock.commit();
            await(blocked);
            return submitted;
        }
    }

    private void waitUntilWriterWaitsForLock() throws Exception {
        String sql = "SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND wait_event_type = 'Lock'";
        for (int i = 0; i < 100; i++) {
            if (count(sql) > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the journal writer never waited for the table lock");
    }

    private void terminateJournalConnections() throws Exception {
        count("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?");
        for (int i = 0; i < 100 && count("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?") > 0;
                i++) {
            Thread.sleep(20);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(LocalPostgres.URL, user, null);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, APPLICATION);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static TransactionRecord poisoned(TransactionRecord record) {
        return new TransactionRecord(record.id(), record.merchantId(), record.terminalId(), record.protocol(),
                record.requestReference(), record.kind(), record.amount(), record.reference(),
                record.originalTransactionId(), "POISON", false, false, record.state(), null, record.createdAt(),
                record.updatedAt());
    }
}
