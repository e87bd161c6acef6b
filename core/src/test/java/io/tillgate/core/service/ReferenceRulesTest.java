package io.tillgate.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A POS's reference repeats legitimately and is not the identity of a message: the rules of
 * {@link ReferenceRule}, as the myPOS SDK and a nexo POS exercise them (retry after a decline,
 * split tender, one order number for everything).
 */
@Timeout(30)
class ReferenceRulesTest {

    private static final String MERCHANT = SimulatedGateway.MERCHANT;

    private SimulatedGateway gateway;

    @BeforeEach
    void start() {
        start(PaymentServiceSettings.defaults().withTransactionTimeout(Duration.ofMillis(400)));
    }

    private void start(PaymentServiceSettings settings) {
        gateway = new SimulatedGateway(settings);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void anOrderNumberRetriedAfterADeclineCharges() throws Exception {
        TransactionRecord declined = run(orderSale("t1", "12.91", "R"));
        TransactionRecord retried = run(orderSale("t1", "12.91", "R"));
        TransactionRecord approved = run(orderSale("t1", "12.00", "R"));

        assertThat(declined.state()).isEqualTo(TransactionState.DECLINED);
        assertThat(retried.id()).as("a new card read, not the old decline").isNotEqualTo(declined.id());
        assertThat(approved.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(gateway.store.findByReference(MERCHANT, "R", Instant.EPOCH)).extracting(TransactionRecord::id)
                .containsExactly(approved.id(), retried.id(), declined.id());
    }

    @Test
    void twoApprovalsWithOneOrderNumberAndOneAmountAreTwoPayments() throws Exception {
        TransactionRecord first = run(orderSale("t1", "12.00", "R"));
        TransactionRecord second = run(orderSale("t1", "12.00", "R"));

        assertThat(List.of(first.state(), second.state())).containsOnly(TransactionState.APPROVED);
        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    void splitTenderChargesEachCard() throws Exception {
        TransactionRecord card1 = run(orderSale("t1", "12.00", "R"));
        TransactionRecord card2 = run(orderSale("t1", "5.00", "R"));

        assertThat(List.of(card1.state(), card2.state())).containsOnly(TransactionState.APPROVED);
        assertThat(List.of(card1.amount(), card2.amount()))
                .containsExactly(Money.ofMajor("12.00", "EUR"), Money.ofMajor("5.00", "EUR"));
    }

    @Test
    void anOrderNumberOfARunningTransactionIsBusyEvenOnAnotherTerminal() throws Exception {
        RecordingObserver waiting = new RecordingObserver();
        TransactionRecord running = execute(orderSale("t1", "12.93", "R"), waiting).get(5, TimeUnit.SECONDS);
        waiting.awaitAbortable();

        PaymentException busy = refusal(execute(orderSale("t2", "12.00", "R"), new RecordingObserver()));
        assertThat(busy.error()).isEqualTo(PaymentError.TERMINAL_BUSY);
        assertThat(busy.getMessage()).contains(running.id(), "still running", "t1");

        gateway.service.abort(MERCHANT, "t1", running.id()).get(5, TimeUnit.SECONDS);
        assertThat(waiting.awaitCompleted().state()).isEqualTo(TransactionState.ABORTED);
        assertThat(run(orderSale("t2", "12.00", "R")).state()).isEqualTo(TransactionState.APPROVED);
    }

    @Test
    void aReferenceWithAnUnknownOutcomeIsRefusedUntilAnOperatorResolvesIt() throws Exception {
        TransactionRecord unknown = run(orderSale("t1", "12.95", "R"));
        assertThat(unknown.state()).isEqualTo(TransactionState.UNKNOWN);

        for (PaymentRequest again : List.of(orderSale("t2", "12.00", "R"), p3Sale("t2", "12.00", "R"))) {
            PaymentException refused = refusal(execute(again, new RecordingObserver()));
            assertThat(refused.error()).isEqualTo(PaymentError.REFERENCE_UNRESOLVED);
            assertThat(refused.getMessage()).contains(unknown.id(), "unknown outcome", "tillgate journal resolve");
        }
        assertThat(run(orderSale("t2", "12.00", "other")).state()).as("other references are unaffected")
                .isEqualTo(TransactionState.APPROVED);

        gateway.store.update(unknown.withOutcome(TransactionOutcome.of(TransactionResult.DECLINED, "OPERATOR"), false,
                Instant.now()), "checked with the acquirer").join();
        assertThat(run(orderSale("t2", "12.00", "R")).state()).isEqualTo(TransactionState.APPROVED);
    }

    @Test
    void theSameMessageSentAgainIsOneTransactionWhateverItsReference() throws Exception {
        String sid = UUID.randomUUID().toString();
        TransactionRecord first = run(new PaymentRequest(MERCHANT, "t1", "IPP", sid, sale("12.00", "R")));
        RecordingObserver again = new RecordingObserver();
        TransactionRecord repeated = execute(new PaymentRequest(MERCHANT, "t1", "IPP", sid, sale("12.00", "R")), again)
                .get(5, TimeUnit.SECONDS);

        assertThat(repeated.id()).isEqualTo(first.id());
        assertThat(again.awaitCompleted()).isEqualTo(first);
        assertThat(gateway.store.findByReference(MERCHANT, "R", Instant.EPOCH)).hasSize(1);
        assertThat(refusal(execute(new PaymentRequest(MERCHANT, "t1", "IPP", sid, sale("13.00", "R")),
                new RecordingObserver())).error()).isEqualTo(PaymentError.IDEMPOTENCY_CONFLICT);
    }

    @Test
    void aRefundCarryingTheSalesReferenceIsNotTheSale() throws Exception {
        TransactionRecord sale = run(p3Sale("t1", "12.00", "R"));
        TransactionRecord refund = run(new PaymentRequest(MERCHANT, "t1", "P3", tag(),
                PaymentCommand.unlinkedRefund(Money.ofMajor("12.00", "EUR"), "R", null))
                .withReferenceRule(ReferenceRule.RETRY_RETURNS_APPROVAL));

        assertThat(refund.id()).isNotEqualTo(sale.id());
        assertThat(refund.state()).isEqualTo(TransactionState.APPROVED);
    }

    @Test
    void aP3ReferenceRunsAgainAfterADeclineAnAbortOrAFailure() throws Exception {
        for (String amount : List.of("12.91", "12.94", "12.99")) {
            TransactionRecord first = run(p3Sale("t1", amount, "P-" + amount));
            TransactionRecord retry = run(p3Sale("t1", "12.00", "P-" + amount));
            assertThat(first.isFinal()).isTrue();
            assertThat(first.state()).isNotEqualTo(TransactionState.APPROVED);
            assertThat(retry.id()).isNotEqualTo(first.id());
            assertThat(retry.state()).isEqualTo(TransactionState.APPROVED);
        }
    }

    @Test
    void aP3ReferenceOfARunningTransactionJoinsIt() throws Exception {
        RecordingObserver first = new RecordingObserver();
        TransactionRecord running = execute(p3Sale("t1", "12.93", "P"), first).get(5, TimeUnit.SECONDS);
        first.awaitAbortable();

        RecordingObserver second = new RecordingObserver();
        assertThat(execute(p3Sale("t1", "12.93", "P"), second).get(5, TimeUnit.SECONDS).id())
                .isEqualTo(running.id());
        gateway.service.abort(MERCHANT, "t1", running.id()).get(5, TimeUnit.SECONDS);
        assertThat(second.awaitCompleted().id()).isEqualTo(first.awaitCompleted().id());
    }

    @Test
    void outsideTheWindowAnApprovedP3ReferenceChargesAgain() throws Exception {
        gateway.close();
        start(new PaymentServiceSettings(Duration.ofSeconds(5), Duration.ofMillis(1)));
        TransactionRecord first = run(p3Sale("t1", "12.00", "P"));
        Thread.sleep(5);
        TransactionRecord later = run(p3Sale("t1", "12.00", "P"));

        assertThat(later.id()).isNotEqualTo(first.id());
        assertThat(later.state()).isEqualTo(TransactionState.APPROVED);
    }

    private CompletableFuture<TransactionRecord> execute(PaymentRequest request, RecordingObserver observer) {
        return gateway.service.execute(request, observer);
    }

    private TransactionRecord run(PaymentRequest request) throws Exception {
        return gateway.run(request);
    }

    private static PaymentRequest orderSale(String terminal, String amount, String reference) {
        return new PaymentRequest(MERCHANT, terminal, "IPP", tag(), sale(amount, reference));
    }

    private static PaymentRequest p3Sale(String terminal, String amount, String reference) {
        return new PaymentRequest(MERCHANT, terminal, "P3", tag(), sale(amount, reference))
                .withReferenceRule(ReferenceRule.RETRY_RETURNS_APPROVAL);
    }

    private static PaymentCommand sale(String amount, String reference) {
        return PaymentCommand.sale(Money.ofMajor(amount, "EUR"), reference, null);
    }

    private static String tag() {
        return UUID.randomUUID().toString();
    }

    private static PaymentException refusal(CompletableFuture<?> future) {
        return SimulatedGateway.refusal(future);
    }
}
