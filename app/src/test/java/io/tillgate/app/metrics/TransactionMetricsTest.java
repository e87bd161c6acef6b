package io.tillgate.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.transaction.InMemoryTransactionStore;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Which journal writes settle a transaction, and which only move the unresolved gauge. */
class TransactionMetricsTest {

    private static final Instant CREATED = Instant.parse("2026-12-06T10:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TransactionMetrics metrics = new TransactionMetrics(registry);

    @Test
    void aTransactionIsCountedOnceWhenItSettlesWithItsDuration() {
        TransactionRecord created = sale("00000000000000000000000000000001", PaymentKind.PREAUTH);
        metrics.changed(created);
        metrics.changed(created.withState(TransactionState.SENT, CREATED.plusMillis(10)));
        metrics.changed(created.withState(TransactionState.IN_PROGRESS, CREATED.plusMillis(20)));
        assertThat(unresolved()).isEqualTo(1);

        TransactionRecord approved = created.withOutcome(outcome(TransactionResult.APPROVED), false,
                CREATED.plusMillis(2_500));
        metrics.changed(approved);
        metrics.changed(approved.withCaptured(CREATED.plusSeconds(60)));

        assertThat(settled("PREAUTH", "APPROVED").count()).as("the capture is no second approval").isEqualTo(1);
        assertThat(registry.get(TransactionMetrics.DURATION).tags("protocol", "P3", "kind", "PREAUTH",
                "outcome", "APPROVED").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2_500);
        assertThat(registry.get(TransactionMetrics.DURATION).timer().getId().getTag("terminal"))
                .as("durations are not told apart by terminal").isNull();
        assertThat(unresolved()).isZero();
    }

    @Test
    void anUnknownOutcomeSettlesAndItsLaterResolutionOnlyLeavesTheGauge() {
        TransactionRecord created = sale("00000000000000000000000000000002", PaymentKind.SALE);
        metrics.changed(created);
        TransactionRecord unknown = created.withOutcome(outcome(TransactionResult.UNKNOWN), false,
                CREATED.plus(Duration.ofMinutes(3)));
        metrics.changed(unknown);
        assertThat(settled("SALE", "UNKNOWN").count()).isEqualTo(1);
        assertThat(unresolved()).isEqualTo(1);

        metrics.changed(unknown.withOutcome(outcome(TransactionResult.APPROVED), true, CREATED.plusSeconds(900)));

        assertThat(registry.find(TransactionMetrics.SETTLED).tag("outcome", "APPROVED").counter()).isNull();
        assertThat(unresolved()).isZero();
    }

    @Test
    void theJournalsUnresolvedTransactionsAreTheStartingPoint() {
        InMemoryTransactionStore journal = new InMemoryTransactionStore();
        TransactionRecord running = sale("00000000000000000000000000000003", PaymentKind.SALE);
        TransactionRecord unknown = sale("00000000000000000000000000000004", PaymentKind.SALE);
        journal.insert(running).join();
        journal.insert(unknown).join();
        journal.update(unknown.withOutcome(outcome(TransactionResult.UNKNOWN), false, CREATED.plusSeconds(1))).join();

        metrics.seed(journal);
        assertThat(unresolved()).isEqualTo(2);
        metrics.changed(running.withOutcome(outcome(TransactionResult.UNKNOWN), false, CREATED.plusSeconds(2)));
        metrics.changed(unknown.withOutcome(outcome(TransactionResult.DECLINED), false, CREATED.plusSeconds(3)));

        assertThat(settled("SALE", "UNKNOWN").count()).as("the running one; the other had settled before")
                .isEqualTo(1);
        assertThat(registry.find(TransactionMetrics.SETTLED).tag("outcome", "DECLINED").counter()).isNull();
        assertThat(unresolved()).isEqualTo(1);
    }

    private Counter settled(String kind, String outcome) {
        return registry.get(TransactionMetrics.SETTLED).tags("protocol", "P3", "terminal", "till-1", "kind", kind,
                "outcome", outcome).counter();
    }

    private double unresolved() {
        return registry.get(TransactionMetrics.UNRESOLVED).gauge().value();
    }

    private static TransactionRecord sale(String id, PaymentKind kind) {
        return new TransactionRecord(id, "shop", "till-1", "P3", "tag-" + id, kind, Money.ofMajor("12.00", "EUR"),
                null, null, null, false, false, TransactionState.CREATED, null, CREATED, CREATED);
    }

    private static TransactionOutcome outcome(TransactionResult result) {
        return TransactionOutcome.of(result, "TEST");
    }
}
