package io.tillgate.ipp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.CardholderVerification;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.service.TransactionLookup;
import io.tillgate.core.terminal.TerminalEvent;
import io.tillgate.core.terminal.TerminalPhase;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.ipp.IppTestBench.Recorder;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The IppTerminal driver against the IPP emulator (IppFrontEnd → PaymentService → SimulatedTerminal)
 * over loopback, for every cents scenario of the shared card flow and the linked operations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class IppEndToEndTest {

    private IppTestBench bench;

    @BeforeAll
    void start() {
        bench = new IppTestBench();
    }

    @AfterAll
    void stop() {
        bench.close();
    }

    @Test
    void cents00IsApprovedWithPinAndCompleted() {
        Recorder recorder = new Recorder();
        TransactionRecord sale = bench.run(PaymentCommand.sale(Money.ofMajor("62.00", "EUR"), "order-1", null),
                recorder);

        assertThat(sale.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(sale.outcome().approvedAmount()).isEqualTo(Money.ofMajor("62.00", "EUR"));
        assertThat(sale.outcome().maskedPan().value()).matches("[0-9]{6}\\*{6}[0-9]{4}");
        assertThat(sale.outcome().authorisationCode()).matches("[0-9A-F]{6}");
        assertThat(sale.outcome().acquirerReference()).matches("[0-9]{12}");
        assertThat(sale.outcome().verification()).isEqualTo(CardholderVerification.PIN);
        assertThat(recorder.statuses).extracting(s -> s.phase()).contains(TerminalPhase.WAITING_FOR_CARD,
                TerminalPhase.READING_CARD, TerminalPhase.WAITING_FOR_PIN, TerminalPhase.PROCESSING);
        // COMPLETE_TX went out: the emulator takes the next payment without STATUS 20.
        assertThat(bench.sale("3.00").state()).isEqualTo(TransactionState.APPROVED);
    }

    @Test
    void theTransactionRunsOnTheCallersEventLoop() {
        EventLoopGroup callers = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            EventLoop caller = callers.next();
            Recorder recorder = new Recorder();
            TransactionRecord sale = bench.start(PaymentCommand.sale(Money.ofMajor("4.00", "EUR"), null, null),
                    recorder, caller).completed.orTimeout(10, TimeUnit.SECONDS).join();

            assertThat(sale.state()).isEqualTo(TransactionState.APPROVED);
            assertThat(caller.inEventLoop(recorder.completedOn)).isTrue();
        } finally {
            callers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void cents91IsDeclined() {
        TransactionRecord sale = bench.sale("12.91");
        assertThat(sale.state()).isEqualTo(TransactionState.DECLINED);
        assertThat(sale.outcome().reason()).isEqualTo("ISSUER_DECLINED");
        assertThat(sale.outcome().rawResultCodes()).containsEntry("APPROVAL", "05");
    }

    @Test
    void cents92IsApprovedWithASignatureLine() {
        TransactionRecord sale = bench.sale("12.92");
        assertThat(sale.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(sale.outcome().verification()).isEqualTo(CardholderVerification.SIGNATURE);
    }

    @Test
    void cents93IsCancelledWithStage101() {
        Recorder recorder = bench.start(PaymentCommand.sale(Money.ofMajor("12.93", "EUR"), null, null),
                new Recorder());
        TransactionRecord started = recorder.started.join();
        recorder.waitingForCard.join();

        bench.pos.abort(IppTestBench.MERCHANT, "ipp-1", started.id()).join();
        TransactionRecord cancelled = recorder.completed.join();

        assertThat(cancelled.state()).isEqualTo(TransactionState.ABORTED);
        assertThat(cancelled.outcome().reason()).isEqualTo("MERCHANT_ABORTED");
        assertThat(cancelled.outcome().rawResultCodes()).containsEntry("STATUS", "13");
    }

    @Test
    void cents94IsCancelledByTheCustomer() {
        TransactionRecord sale = bench.sale("12.94");
        assertThat(sale.state()).isEqualTo(TransactionState.ABORTED);
        assertThat(sale.outcome().reason()).isEqualTo("SHOPPER_ABORTED");
    }

    @Test
    void cents96IsRecoveredWithGetStatusAndCompleted() {
        TransactionRecord sale = bench.sale("12.96");

        assertThat(sale.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(sale.outcome().maskedPan()).isNotNull();
        assertThat(sale.outcome().rawResultCodes()).containsEntry("TX_STATUS", "0");
        assertThat(bench.sale("4.00").state()).isEqualTo(TransactionState.APPROVED);
    }

    @Test
    void cents97IsApprovedInFull() {
        TransactionRecord sale = bench.sale("12.97");
        assertThat(sale.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(sale.outcome().approvedAmount()).isEqualTo(Money.ofMajor("12.97", "EUR"));
    }

    @Test
    void cents98ReportsTheCardReadErrorThenApproves() {
        Recorder recorder = new Recorder();
        TransactionRecord sale = bench.run(PaymentCommand.sale(Money.ofMajor("12.98", "EUR"), null, null), recorder);

        assertThat(sale.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(recorder.events).extracting(TerminalEvent::type).contains(TerminalEvent.Type.CARD_READ_ERROR);
    }

    @Test
    void cents99IsATerminalError() {
        TransactionRecord sale = bench.sale("12.99");
        assertThat(sale.state()).isEqualTo(TransactionState.FAILED);
        assertThat(sale.outcome().reason()).isEqualTo("TERMINAL_ERROR");
        assertThat(sale.outcome().rawResultCodes()).containsEntry("STATUS", "14");
    }

    @Test
    void refundAndReversalReferToTheOriginalOnTheEmulator() {
        TransactionRecord sale = bench.sale("40.00");
        TransactionRecord refund = bench.run(new PaymentCommand(PaymentKind.REFUND, Money.ofMajor("15.00", "EUR"),
                null, sale.id(), null), new Recorder());
        assertThat(refund.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(refund.outcome().approvedAmount()).isEqualTo(Money.ofMajor("15.00", "EUR"));

        TransactionRecord other = bench.sale("41.00");
        TransactionRecord reversal = bench.run(new PaymentCommand(PaymentKind.REVERSAL, null, null, other.id(), null),
                new Recorder());
        assertThat(reversal.state()).isEqualTo(TransactionState.APPROVED);

        TransactionRecord emulated = emulatorRecordOf(other);
        assertThat(bench.emulatorStore.findByOriginal(emulated.id())).extracting(TransactionRecord::kind)
                .containsExactly(PaymentKind.REVERSAL);
        assertThat(bench.emulatorStore.findByOriginal(emulatorRecordOf(sale).id()))
                .extracting(TransactionRecord::kind, TransactionRecord::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PaymentKind.REFUND, Money.ofMajor("15.00", "EUR")));
    }

    @Test
    void preauthorisationIsCapturedOrCancelled() {
        TransactionRecord preauth = bench.run(PaymentCommand.preauth(Money.ofMajor("80.00", "EUR"), null, null),
                new Recorder());
        assertThat(preauth.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(preauth.outcome().rawResultCodes()).containsKey("PREAUTH_CODE");

        TransactionRecord capture = bench.run(new PaymentCommand(PaymentKind.CAPTURE, Money.ofMajor("70.00", "EUR"),
                null, preauth.id(), null), new Recorder());
        assertThat(capture.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(emulatorRecordOf(preauth).captured()).isTrue();

        TransactionRecord second = bench.run(PaymentCommand.preauth(Money.ofMajor("81.00", "EUR"), null, null),
                new Recorder());
        TransactionRecord cancel = bench.run(new PaymentCommand(PaymentKind.REVERSAL, null, null, second.id(), null),
                new Recorder());
        assertThat(cancel.state()).isEqualTo(TransactionState.APPROVED);
        assertThat(bench.emulatorStore.findByOriginal(emulatorRecordOf(second).id()))
                .extracting(TransactionRecord::kind).containsExactly(PaymentKind.REVERSAL);
    }

    private TransactionRecord emulatorRecordOf(TransactionRecord posRecord) {
        String sid = io.tillgate.ipp.driver.internal.Sids.of(posRecord.id());
        return bench.emulatorPayments.find(IppTestBench.MERCHANT,
                new TransactionLookup.ByRequestReference("IPP", sid)).join().orElseThrow();
    }

}
