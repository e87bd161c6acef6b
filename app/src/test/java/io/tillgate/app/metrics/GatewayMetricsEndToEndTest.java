package io.tillgate.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.tillgate.app.Gateway;
import io.tillgate.app.TestSettings;
import io.tillgate.app.config.GatewaySettings;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.journal.JdbcJournal;
import io.tillgate.journal.JournalSettings;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.TransactionStatus;
import io.tillgate.p3.codec.P3Transaction;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A started gateway (SQLite journal, fast simulated terminals) paid through over P3 by a PayClient
 * on a real socket; what its scrape says is read sample by sample. The journal already holds an
 * UNKNOWN transaction and one a crash left SENT, as a restarted gateway finds them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GatewayMetricsEndToEndTest {

    private static final String TERMINAL = "sim-1";
    private static final String[] SALES = {"protocol", "P3", "kind", "SALE"};
    private static final String[] SALES_ON_TERMINAL = with(SALES, "terminal", TERMINAL);
    private static final Instant BEFORE_RESTART = Instant.now().minus(Duration.ofHours(1));

    @TempDir
    Path journalDir;

    @Test
    void transactionsConnectionsJournalLoginsAndTerminalsAreCounted() throws Exception {
        TransactionRecord leftUnknown = leftInJournal("0000000000000000000000000000aaaa", TransactionState.UNKNOWN);
        leftInJournal("0000000000000000000000000000bbbb", TransactionState.SENT);

        try (Gateway gateway = Gateway.start(TestSettings.fastDefault(journalDir)
                .withTransactionTimeout(Duration.ofSeconds(1)));
                PayClient pos = PayClient.builder(gateway.p3TcpUri()).build()) {
            GatewayMetrics metrics = gateway.metrics().orElseThrow();
            AtomicInteger writes = new AtomicInteger();
            gateway.journal().subscribe(written -> writes.incrementAndGet());
            pos.connect().get(5, TimeUnit.SECONDS);
            assertThatThrownBy(() -> pos.login("demo", "not-the-demo-secret").get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
            pos.login("demo", "tillgate-demo-secret").get(5, TimeUnit.SECONDS);

            assertThat(pay(pos, "12.00")).isEqualTo(TransactionStatus.APPROVED);
            assertThat(pay(pos, "12.00")).isEqualTo(TransactionStatus.APPROVED);
            assertThat(pay(pos, "12.91")).isEqualTo(TransactionStatus.DECLINED);
            assertThat(pay(pos, "12.95")).as("no answer within the timeout").isEqualTo(TransactionStatus.INCONCLUSIVE);
            metrics.terminalReachable(TERMINAL, true);
            metrics.terminalReachable("sim-2", false);

            PrometheusSamples scraped = PrometheusSamples.parse(metrics.scrape());

            assertThat(scraped.value("tillgate_transactions_total", outcome("APPROVED"))).isEqualTo(2);
            assertThat(scraped.value("tillgate_transactions_total", outcome("DECLINED"))).isEqualTo(1);
            assertThat(scraped.value("tillgate_transactions_total", outcome("UNKNOWN")))
                    .as("the 12.95 and the one recovery found SENT; not the one already UNKNOWN").isEqualTo(2);
            assertThat(scraped.value("tillgate_transaction_duration_seconds_count", duration("APPROVED")))
                    .isEqualTo(2);
            assertThat(scraped.value("tillgate_transaction_duration_seconds_count", duration("DECLINED")))
                    .isEqualTo(1);
            assertThat(scraped.value("tillgate_transaction_duration_seconds_bucket", with(duration("APPROVED"),
                    "le", "300.0"))).isEqualTo(2);
            assertThat(scraped.value("tillgate_transaction_duration_seconds_sum", duration("APPROVED")))
                    .isPositive().isLessThan(10);
            assertThat(scraped.value("tillgate_transactions_unresolved")).isEqualTo(3);
            assertThat(scraped.value("tillgate_connections_open", "listener", "P3 TCP")).isEqualTo(1);
            assertThat(scraped.value("tillgate_connections_open", "listener", "P3 WebSocket")).isZero();
            assertThat(scraped.value("tillgate_journal_commit_seconds_count")).isPositive()
                    .isEqualTo(scraped.value("tillgate_journal_batch_size_count"));
            assertThat(scraped.value("tillgate_journal_batch_size_sum"))
                    .as("every write since the start, and the UNKNOWN of the recovered one before it")
                    .isEqualTo(writes.get() + 1);
            assertThat(scraped.value("tillgate_logins_failed_total", "listener", "P3")).isEqualTo(1);
            assertThat(scraped.value("tillgate_logins_lockouts_total", "listener", "P3")).isZero();
            assertThat(scraped.value("tillgate_terminal_up", "terminal", TERMINAL)).isEqualTo(1);
            assertThat(scraped.value("tillgate_terminal_up", "terminal", "sim-2")).isZero();
            assertThat(scraped.has("jvm_memory_used_bytes")).isTrue();
            assertThat(scraped.has("process_uptime_seconds")).isTrue();

            gateway.journal().update(leftUnknown.withOutcome(TransactionOutcome.of(TransactionResult.DECLINED,
                    "RESOLVED"), false, Instant.now()), "operator: declined on the terminal's log").get(5,
                    TimeUnit.SECONDS);
            pos.close();
            PrometheusSamples later = awaitScrape(metrics, "tillgate_connections_open", "listener", "P3 TCP", 0);

            assertThat(later.value("tillgate_transactions_unresolved")).as("one resolved").isEqualTo(2);
            assertThat(later.value("tillgate_transactions_total", outcome("DECLINED")))
                    .as("a resolution is not a new transaction").isEqualTo(1);
        }
    }

    @Test
    void terminalsAreUnknownUntilCheckedAndOnlyConfiguredOnesHaveAGauge() {
        try (GatewayMetrics metrics = new GatewayMetrics(List.of("till-1"))) {
            assertThat(PrometheusSamples.parse(metrics.scrape()).value("tillgate_terminal_up", "terminal", "till-1"))
                    .isNaN();
            assertThatThrownBy(() -> metrics.terminalReachable("till-2", true))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("no terminal 'till-2' is configured");
        }
    }

    @Test
    void theContentTypeIsTheOneOfTheFormatScrapeWrites() {
        assertThat(GatewayMetrics.CONTENT_TYPE).isEqualTo(PrometheusTextFormatWriter.CONTENT_TYPE);
    }

    @Test
    void metricsTurnedOffAreAbsent() {
        try (Gateway gateway = Gateway.start(TestSettings.fastDefault(journalDir)
                .withMetrics(GatewaySettings.MetricsSettings.DISABLED))) {
            assertThat(gateway.metrics()).isEmpty();
        }
    }

    /** A transaction of an earlier run of the gateway, written straight into the journal file. */
    private TransactionRecord leftInJournal(String id, TransactionState state) throws Exception {
        TransactionRecord created = new TransactionRecord(id, "demo", TERMINAL, "P3", "tag-" + id, PaymentKind.SALE,
                Money.ofMajor("30.00", "EUR"), null, null, null, false, false, TransactionState.CREATED, null,
                BEFORE_RESTART, BEFORE_RESTART);
        TransactionRecord left = state == TransactionState.UNKNOWN
                ? created.withOutcome(TransactionOutcome.of(TransactionResult.UNKNOWN, "TERMINAL_TIMEOUT"), false,
                        BEFORE_RESTART.plusSeconds(180))
                : created.withState(state, BEFORE_RESTART.plusSeconds(1));
        try (JdbcJournal journal = JdbcJournal.open(JournalSettings.sqlite(journalDir.resolve("journal.db")))) {
            journal.insert(created).get(5, TimeUnit.SECONDS);
            journal.update(left).get(5, TimeUnit.SECONDS);
        }
        return left;
    }

    private static TransactionStatus pay(PayClient pos, String amount) throws Exception {
        P3Transaction done = pos.charge(ChargeRequest.of(TERMINAL, Money.ofMajor(amount, "EUR")), null).outcome()
                .get(10, TimeUnit.SECONDS).transaction();
        return TransactionStatus.of(done);
    }

    /** The labels of the count of one outcome of sales on {@link #TERMINAL}. */
    private static String[] outcome(String outcome) {
        return with(SALES_ON_TERMINAL, "outcome", outcome);
    }

    /** The labels of the durations of one outcome of sales: not told apart by terminal. */
    private static String[] duration(String outcome) {
        return with(SALES, "outcome", outcome);
    }

    private static String[] with(String[] labels, String name, String value) {
        String[] more = Arrays.copyOf(labels, labels.length + 2);
        more[labels.length] = name;
        more[labels.length + 1] = value;
        return more;
    }

    /** Scrapes until a gauge reads {@code expected}: a closed connection leaves its group a moment later. */
    private static PrometheusSamples awaitScrape(GatewayMetrics metrics, String name, String label, String value,
            double expected) throws InterruptedException {
        while (true) {
            PrometheusSamples scraped = PrometheusSamples.parse(metrics.scrape());
            if (scraped.value(name, label, value) == expected) {
                return scraped;
            }
            Thread.sleep(20);
        }
    }
}
