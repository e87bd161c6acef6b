package io.tillgate.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.service.PaymentError;
import io.tillgate.core.service.PaymentException;
import io.tillgate.core.service.PaymentRequest;
import io.tillgate.core.service.PaymentService;
import io.tillgate.core.service.PaymentServiceSettings;
import io.tillgate.core.service.ReferenceRule;
import io.tillgate.core.service.TransactionObserver;
import io.tillgate.core.simulated.SimulatedTerminal;
import io.tillgate.core.simulated.SimulatedTiming;
import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal written by the release before POS references could repeat (commit {@code ad95d19}):
 * {@code tillgate serve} with a SQLite journal, paid on over P3 with {@code tillgate pay} and
 * {@code tillgate refund} — order-7 approved and refunded, order-8 declined, order-9 UNKNOWN (the
 * terminal never answered), one sale without a reference. Opened by this build on SQLite and, copied
 * row by row into a schema at version 1, on PostgreSQL: it migrates, keeps every row and event, and
 * the new reference rules read the old rows correctly.
 */
@Timeout(60)
class JournalFromPreviousReleaseTest {

    private static final String FIXTURE = "/journal/created-by-0.1.0-ad95d19.db";
    private static final String APPROVED_ORDER_7 = "01a2492854cad3d615290db526771cdf";
    private static final String DECLINED_ORDER_8 = "01a2492858cd6cc8d646d4862c10ea48";
    private static final String UNKNOWN_ORDER_9 = "01a24928608f75795574d68b45744c71";
    private static final String REFUND_7 = "01a24928935a878402f59aaf587f960a";
    private static final int TRANSACTIONS = 5;
    private static final int EVENTS = 20;

    @TempDir
    Path folder;

    @Test
    void aSqliteJournalOfThePreviousReleaseMigratesAndTakesTheNewRules() throws Exception {
        Path file = copyOfFixture();
        JournalSettings settings = JournalSettings.sqlite(file);

        try (JdbcJournal journal = JdbcJournal.open(settings)) {
            assertKeptAndReadable(journal);
            assertNewRules(journal);
        }
        assertMigratedToTheLatestVersion(settings.jdbcUrl(), null);
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet plan = statement.executeQuery(
                        "EXPLAIN QUERY PLAN SELECT id FROM transactions WHERE reference = 'order-7'")) {
            plan.next();
            assertThat(plan.getString("detail")).as("operators' lookup by reference alone is indexed")
                    .contains("transactions_by_reference");
        }
    }

    @Test
    void aPostgresJournalAtVersion1MigratesAndTakesTheNewRules() throws Exception {
        String user = LocalPostgres.userOrSkip();
        String schema = "tg_v1_" + Transactions.newId().substring(0, 12);
        LocalPostgres.execute(LocalPostgres.URL, user, "CREATE SCHEMA " + schema);
        String url = LocalPostgres.URL + "?currentSchema=" + schema;
        try {
            Flyway.configure(getClass().getClassLoader()).dataSource(url, user, null)
                    .locations("classpath:db/migration").target("1").load().migrate();
            copyRows(DriverManager.getConnection("jdbc:sqlite:" + copyOfFixture()), url, user);

            try (JdbcJournal journal = JdbcJournal.open(new JournalSettings(url, user, null))) {
                assertKeptAndReadable(journal);
                assertNewRules(journal);
            }
            assertMigratedToTheLatestVersion(url, user);
        } finally {
            LocalPostgres.execute(LocalPostgres.URL, user, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void assertKeptAndReadable(JdbcJournal journal) {
        assertThat(journal.findSince(Instant.EPOCH)).hasSize(TRANSACTIONS);
        assertThat(journal.findSince(Instant.EPOCH).stream().mapToInt(t -> journal.history(t.id()).size())
                .sum()).isEqualTo(EVENTS);
        assertThat(journal.findById(APPROVED_ORDER_7).orElseThrow().outcome().maskedPan()).isNotNull();
        assertThat(journal.findByReference("order-7")).extracting(TransactionRecord::id)
                .containsExactly(APPROVED_ORDER_7);
        assertThat(journal.findByReference("refund-7")).extracting(TransactionRecord::originalTransactionId)
                .containsExactly(APPROVED_ORDER_7);
        assertThat(journal.findById(REFUND_7).orElseThrow().state()).isEqualTo(TransactionState.APPROVED);
        assertThat(journal.findUnresolved()).extracting(TransactionRecord::id).containsExactly(UNKNOWN_ORDER_9);
    }

    /** P3 rules on the old rows: retry after a decline charges, approval repeats, UNKNOWN refuses. */
    private static void assertNewRules(JdbcJournal journal) throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        // The fixture is from the day it was made; a window of years keeps its rows inside it.
        PaymentServiceSettings settings = new PaymentServiceSettings(
                PaymentServiceSettings.DEFAULT_TRANSACTION_TIMEOUT, Duration.ofDays(3650));
        try (PaymentService service = new PaymentService(
                List.of(new SimulatedTerminal("sim-1", SimulatedTiming.FAST, scheduler, false)), journal, settings,
                Clock.systemUTC())) {
            TransactionRecord retried = pay(service, "12.91", "order-8");
            assertThat(retried.id()).isNotEqualTo(DECLINED_ORDER_8);
            assertThat(retried.state()).as("12.91 declines again, as a new card read").isEqualTo(
                    TransactionState.DECLINED);
            assertThat(pay(service, "12.00", "order-8").state()).isEqualTo(TransactionState.APPROVED);

            assertThat(pay(service, "12.00", "order-7").id()).as("P3 repeats an approval")
                    .isEqualTo(APPROVED_ORDER_7);

            CompletableFuture<TransactionRecord> refused = service.execute(request("5.95", "order-9"),
                    new Completion());
            assertThat(refused).failsWithin(5, TimeUnit.SECONDS).withThrowableOfType(Exception.class)
                    .satisfies(e -> assertThat(PaymentException.from(e).error())
                            .isEqualTo(PaymentError.REFERENCE_UNRESOLVED));
            assertThat(journal.findByReference("order-8")).hasSize(3);
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static TransactionRecord pay(PaymentService service, String amount, String reference) throws Exception {
        Completion completion = new Completion();
        service.execute(request(amount, reference), completion).get(5, TimeUnit.SECONDS);
        return completion.done.get(5, TimeUnit.SECONDS);
    }

    private static PaymentRequest request(String amount, String reference) {
        return new PaymentRequest("demo", "sim-1", "P3", UUID.randomUUID().toString(),
                PaymentCommand.sale(Money.ofMajor(amount, "EUR"), reference, null),
                ReferenceRule.RETRY_RETURNS_APPROVAL, null);
    }

    private static void assertMigratedToTheLatestVersion(String url, String user) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, null);
                Statement statement = connection.createStatement();
                ResultSet versions = statement.executeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success = TRUE ORDER BY installed_rank")) {
            List<String> applied = new ArrayList<>();
            while (versions.next()) {
                applied.add(versions.getString(1));
            }
            assertThat(applied).containsExactly("1", "2", "3", "4");
        }
    }

    private Path copyOfFixture() throws Exception {
        Path file = folder.resolve("data-" + UUID.randomUUID()).resolve("journal.db");
        Files.createDirectories(file.getParent());
        try (InputStream fixture = getClass().getResourceAsStream(FIXTURE)) {
            Files.copy(fixture, file);
        }
        return file;
    }

    /** Both tables, column for column: the previous release's rows, as it wrote them. */
    private static void copyRows(Connection from, String url, String user) throws SQLException {
        try (from; Connection to = DriverManager.getConnection(url, user, null)) {
            for (String table : List.of("transactions", "transaction_events")) {
                try (Statement select = from.createStatement();
                        ResultSet rows = select.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = rows.getMetaData();
                    List<String> names = new ArrayList<>();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        names.add(columns.getColumnName(i));
                    }
                    String insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                            + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
                    try (PreparedStatement statement = to.prepareStatement(insert)) {
                        while (rows.next()) {
                            for (int i = 1; i <= names.size(); i++) {
                                Object value = rows.getObject(i);
                                statement.setObject(i, value instanceof Integer number
                                        && isBoolean(names.get(i - 1)) ? number != 0 : value);
                            }
                            statement.executeUpdate();
                        }
                    }
                }
            }
        }
    }

    private static boolean isBoolean(String column) {
        return column.equals("captured") || column.equals("signature_on_receipt");
    }

    /** Completes with the transaction's final record. */
    private static final class Completion implements TransactionObserver {
        final CompletableFuture<TransactionRecord> done = new CompletableFuture<>();

        @Override
        public void onStatus(TransactionRecord transaction, TerminalStatus status) {
        }

        @Override
        public void onAction(TransactionRecord transaction, TerminalAction action) {
        }

        @Override
        public void onCompleted(TransactionRecord record) {
            done.complete(record);
        }
    }
}
