package io.tillgate.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.CardholderVerification;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.terminal.ActionAnswer;
import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalEvent;
import io.tillgate.core.terminal.TerminalPhase;
import io.tillgate.core.transaction.InMemoryTransactionStore;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PaymentServiceTest {

    private static final String MERCHANT = SimulatedGateway.MERCHANT;

    private SimulatedGateway gateway;
    private InMemoryTransactionStore store;
    private PaymentService service;

    @BeforeEach
    void start() {
        gateway = new SimulatedGateway(PaymentServiceSettings.defaults().withTransactionTimeout(Duration.ofMillis(500)));
        store = gateway.store;
        service = gateway.service;
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void approvesAndRecordsTheOutcomeBeforeTellingTheObserver() throws Exception {
        RecordingObserver observer = new RecordingObserver();
        TransactionRecord started = service.execute(sale("t1", "60.00", null, tag()), observer).get(5, TimeUnit.SECONDS);
        TransactionRecord done = observer.awaitCompleted();

        assertThat(done.id()).isEqualTo(started.id()).matches("[0-9a-f]{32}");
        assertThat(done.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(done.outcome().maskedPan().value()).matches("[0-9]{6}\\*{6}[0-9]{4}");
        assertThat(done.outcome().verification()).isEqualTo(CardholderVerification.PIN);
        assertThat(done.outcome().authorisationCode()).hasSize(6);
        assertThat(done.captured()).isTrue();
        assertThat(store.findById(done.id())).contains(done);
        assertThat(observer.statuses).extracting(s -> s.phase()).containsSubsequence(
                TerminalPhase.CONNECTING, TerminalPhase.WAITING_FOR_CARD, TerminalPhase.WAITING_FOR_PIN,
                TerminalPhase.PROCESSING, TerminalPhase.WAITING_FOR_CARD_REMOVAL);
    }

    @Test
    void declines() throws Exception {
        assertThat(run("t1", "12.91").state()).isEqualTo(TransactionState.DECLINED);
    }

    @Test
    void customerCancelsTerminalErrorAndCardReadRetry() throws Exception {
        assertThat(run("t1", "12.94").outcome().reason()).isEqualTo("SHOPPER_ABORTED");
        assertThat(run("t1", "12.99").state()).isEqualTo(TransactionState.FAILED);
        RecordingObserver retry = new RecordingObserver();
        service.execute(sale("t1", "12.98", null, tag()), retry).get(5, TimeUnit.SECONDS);
        assertThat(retry.awaitCompleted().state()).isEqualTo(TransactionState.APPROVED);
        assertThat(retry.events).extracting(TerminalEvent::type).contains(TerminalEvent.Type.CARD_READ_ERROR);
    }

    @Test
    void partialApprovalOnlyWhereTheTerminalSupportsIt() throws Exception {
        TransactionRecord full = run("t1", "20.97");
        TransactionRecord partial = run("t2", "20.97");
        assertThat(full.outcome().approvedAmount()).isEqualTo(Money.ofMajor("20.97", "EUR"));
        assertThat(partial.outcome().approvedAmount()).isEqualTo(Money.ofMajor("10.48", "EUR"));
    }

    @Test
    void signatureActionIsAnsweredThenApproved() throws Exception {
        RecordingObserver observer = new RecordingObserver();
        service.execute(sale("t1", "12.92", null, tag()), observer).get(5, TimeUnit.SECONDS);
        assertThat(observer.action.get(5, TimeUnit.SECONDS).type()).isEqualTo(TerminalAction.Type.SIGNATURE);

        assertThatThrownBy(() -> service.answer(MERCHANT, "t1", new ActionAnswer.Confirmation(true)).join())
                .hasCauseInstanceOf(PaymentException.class);
        service.answer(MERCHANT, "t1", ActionAnswer.Signature.signedOnReceipt()).get(5, TimeUnit.SECONDS);

        TransactionRecord done = observer.awaitCompleted();
        assertThat(done.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(done.signatureOnReceipt()).isTrue();
        assertThat(done.outcome().verification()).isEqualTo(CardholderVerification.SIGNATURE);
        assertThat(error(service.answer(MERCHANT, "t1", ActionAnswer.Signature.signedOnReceipt())))
                .isEqualTo(PaymentError.NO_ACTIVE_TRANSACTION);
    }

    @Test
    void abortWhileAbortableEndsAborted() throws Exception {
        RecordingObserver observer = new RecordingObserver();
        service.execute(sale("t1", "12.93", null, tag()), observer).get(5, TimeUnit.SECONDS);
        observer.awaitAbortable();
        assertThat(error(service.abort("someone-else", "t1", null))).isEqualTo(PaymentError.NO_ACTIVE_TRANSACTION);
        service.abort(MERCHANT, "t1", null).get(5, TimeUnit.SECONDS);
        TransactionRecord done = observer.awaitCompleted();
        assertThat(done.state()).isEqualTo(TransactionState.ABORTED);
        assertThat(done.outcome().reason()).isEqualTo("MERCHANT_ABORTED");
    }

    @Test
    void abortAfterTheLastNonAbortableStatusIsRefusedAndSilenceTimesOutAsUnknown() throws Exception {
        RecordingObserver observer = new RecordingObserver();
        service.execute(sale("t1", "12.95", null, tag()), observer).get(5, TimeUnit.SECONDS);
        observer.awaitNotAbortable();
        assertThat(error(service.abort(MERCHANT, "t1", null))).isEqualTo(PaymentError.NOT_ABORTABLE);

        TransactionRecord done = observer.awaitCompleted();
        assertThat(done.state()).isEqualTo(TransactionState.UNKNOWN);
        assertThat(done.outcome().reason()).isEqualTo("TERMINAL_TIMEOUT");
        assertThat(store.findUnresolved()).extracting(TransactionRecord::id).contains(done.id());
        assertThat(run("t1", "1.00").state()).as("the terminal is free again").isEqualTo(TransactionState.APPROVED);
    }

    @Test
    void aSecondTransactionOnABusyTerminalIsRefused() throws Exception {
        RecordingObserver first = new RecordingObserver();
        service.execute(sale("t1", "12.93", null, tag()), first).get(5, TimeUnit.SECONDS);
        assertThat(error(service.execute(sale("t1", "1.00", null, tag()), new RecordingObserver())))
                .isEqualTo(PaymentError.TERMINAL_BUSY);
        assertThat(run("t2", "1.00").state()).as("other terminals are unaffected").isEqualTo(TransactionState.APPROVED);
        service.abort(MERCHANT, "t1", null).get(5, TimeUnit.SECONDS);
        first.awaitCompleted();
    }

    @Test
    void unknownTerminalIsRefused() {
        assertThat(error(service.execute(sale("nope", "1.00", null, tag()), new RecordingObserver())))
                .isEqualTo(PaymentError.UNKNOWN_TERMINAL);
    }

    @Test
    void aP3ReferenceRepeatedAfterAnApprovalReturnsTheStoredApprovalWithoutChargingTwice() throws Exception {
        RecordingObserver first = new RecordingObserver();
        service.execute(p3Sale("10.00", "order-1"), first).get(5, TimeUnit.SECONDS);
        TransactionRecord original = first.awaitCompleted();

        RecordingObserver repeat = new RecordingObserver();
        TransactionRecord again = service.execute(p3Sale("10.00", "order-1"), repeat).get(5, TimeUnit.SECONDS);
        assertThat(again.id()).isEqualTo(original.id());
        assertThat(repeat.awaitCompleted()).isEqualTo(original);
        assertThat(store.findSince(original.createdAt())).hasSize(1);

        assertThat(error(service.execute(p3Sale("11.00", "order-1"), new RecordingObserver())))
                .isEqualTo(PaymentError.IDEMPOTENCY_CONFLICT);
    }

    @Test
    void repeatedRequestTagAttachesToTheRunningTransaction() throws Exception {
        String tag = tag();
        RecordingObserver first = new RecordingObserver();
        TransactionRecord running = service.execute(sale("t1", "12.93", null, tag), first).get(5, TimeUnit.SECONDS);
        first.awaitAbortable();

        RecordingObserver second = new RecordingObserver();
        TransactionRecord joined = service.execute(sale("t1", "12.93", null, tag), second).get(5, TimeUnit.SECONDS);
        assertThat(joined.id()).isEqualTo(running.id());
        second.awaitAbortable();

        service.abort(MERCHANT, "t1", running.id()).get(5, TimeUnit.SECONDS);
        assertThat(first.awaitCompleted().id()).isEqualTo(second.awaitCompleted().id());
    }

    @Test
    void retriesRacingTheOriginalNeverChargeTwice() throws Exception {
        List<CompletableFuture<TransactionRecord>> attempts = new ArrayList<>();
        List<RecordingObserver> observers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            RecordingObserver observer = new RecordingObserver();
            observers.add(observer);
            attempts.add(service.execute(p3Sale("7.00", "race"), observer));
        }
        for (CompletableFuture<TransactionRecord> attempt : attempts) {
            attempt.get(5, TimeUnit.SECONDS);
        }
        String id = attempts.get(0).join().id();
        for (RecordingObserver observer : observers) {
            TransactionRecord done = observer.awaitCompleted();
            assertThat(done.id()).isEqualTo(id);
            assertThat(done.state()).isEqualTo(TransactionState.APPROVED);
        }
    }

    @Test
    void refundsAnApprovedSaleUpToItsAmount() throws Exception {
        TransactionRecord sale = run("t1", "30.00");
        TransactionRecord partial = amend(PaymentKind.REFUND, sale.id(), Money.ofMajor("10.00", "EUR"));
        assertThat(partial.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(partial.terminalId()).isEqualTo("t1");
        assertThat(partial.outcome().maskedPan()).isEqualTo(sale.outcome().maskedPan());

        assertThat(error(service.execute(amendRequest(PaymentKind.REFUND, sale.id(), Money.ofMajor("20.01", "EUR")),
                new RecordingObserver()))).isEqualTo(PaymentError.INVALID_REQUEST);
        TransactionRecord rest = amend(PaymentKind.REFUND, sale.id(), null);
        assertThat(rest.amount()).isEqualTo(Money.ofMajor("20.00", "EUR"));
        assertThat(error(service.execute(amendRequest(PaymentKind.REFUND, "0".repeat(32), null),
                new RecordingObserver()))).isEqualTo(PaymentError.REFERENCE_NOT_FOUND);
    }

    @Test
    void capturesAPreauthorisationOnce() throws Exception {
        RecordingObserver observer = new RecordingObserver();
        service.execute(new PaymentRequest(MERCHANT, "t1", "TEST", tag(),
                PaymentCommand.preauth(Money.ofMajor("40.00", "EUR"), null, null)), observer).get(5, TimeUnit.SECONDS);
        TransactionRecord preauth = observer.awaitCompleted();
        assertThat(preauth.captured()).isFalse();
        assertThat(error(service.execute(amendRequest(PaymentKind.REFUND, preauth.id(), null), new RecordingObserver())))
                .isEqualTo(PaymentError.INVALID_REQUEST);

        TransactionRecord capture = amend(PaymentKind.CAPTURE, preauth.id(), null);
        assertThat(capture.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(store.findById(preauth.id()).orElseThrow().captured()).isTrue();
        assertThat(error(service.execute(amendRequest(PaymentKind.CAPTURE, preauth.id(), null), new RecordingObserver())))
                .isEqualTo(PaymentError.INVALID_REQUEST);
    }

    @Test
    void theDroppedConnectionScenarioSignalsTheFrontEndThenApproves() throws Exception {
        RecordingObserver observer = new RecordingObserver();
        service.execute(sale("t1", "12.96", null, tag()), observer).get(5, TimeUnit.SECONDS);
        assertThat(observer.awaitCompleted().state()).isEqualTo(TransactionState.APPROVED);
        assertThat(observer.events).extracting(TerminalEvent::type).contains(TerminalEvent.Type.DROP_POS_CONNECTION);
    }

    @Test
    void findsTransactionsOnlyForTheirMerchant() throws Exception {
        String tag = tag();
        RecordingObserver observer = new RecordingObserver();
        service.execute(sale("t1", "3.00", "ref-x", tag), observer).get(5, TimeUnit.SECONDS);
        TransactionRecord done = observer.awaitCompleted();
        assertThat(service.find(MERCHANT, new TransactionLookup.ById(done.id())).get()).contains(done);
        assertThat(service.find(MERCHANT, new TransactionLookup.ByReference("ref-x")).get()).contains(done);
        assertThat(service.find(MERCHANT, new TransactionLookup.ByRequestReference("TEST", tag)).get()).contains(done);
        assertThat(service.find("other", new TransactionLookup.ById(done.id())).get()).isEmpty();
    }

    private TransactionRecord run(String terminal, String amount) throws Exception {
        return gateway.run(sale(terminal, amount, null, tag()));
    }

    private TransactionRecord amend(PaymentKind kind, String originalId, Money amount) throws Exception {
        RecordingObserver observer = new RecordingObserver();
        service.execute(amendRequest(kind, originalId, amount), observer).get(5, TimeUnit.SECONDS);
        return observer.awaitCompleted();
    }

    private static PaymentRequest amendRequest(PaymentKind kind, String originalId, Money amount) {
        return new PaymentRequest(MERCHANT, null, "TEST", tag(),
                new PaymentCommand(kind, amount, null, originalId, null));
    }

    private static PaymentRequest sale(String terminal, String amount, String reference, String tag) {
        return new PaymentRequest(MERCHANT, terminal, "TEST", tag,
                PaymentCommand.sale(Money.ofMajor(amount, "EUR"), reference, null));
    }

    private static PaymentRequest p3Sale(String amount, String reference) {
        return sale("t1", amount, reference, tag()).withReferenceRule(ReferenceRule.RETRY_RETURNS_APPROVAL);
    }

    private static String tag() {
        return UUID.randomUUID().toString();
    }

    private static PaymentError error(CompletableFuture<?> future) {
        return SimulatedGateway.refusal(future).error();
    }
}
