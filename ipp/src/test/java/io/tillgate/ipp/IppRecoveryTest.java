package io.tillgate.ipp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.ipp.IppTestBench.Recorder;
import io.tillgate.ipp.codec.IppMethod;
import io.tillgate.ipp.codec.IppNames;
import io.tillgate.ipp.codec.IppRequest;
import io.tillgate.ipp.codec.IppResponse;
import io.tillgate.ipp.codec.IppStage;
import io.tillgate.ipp.codec.IppStatus;
import io.tillgate.ipp.driver.internal.Sids;
import io.tillgate.ipp.frontend.RawIppClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lost answers, busy terminals and transactions left uncompleted, driver against emulator. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class IppRecoveryTest {

    @Test
    void cents95WithoutStage5BecomesUnknownAfterTheShortDeadline() {
        try (IppTestBench bench = new IppTestBench(f -> f.withReplyTimeout(Duration.ofSeconds(1)),
                t -> t.withReplyTimeoutGrace(Duration.ofMillis(200)).withRecoveryTimeout(Duration.ofMillis(800)),
                Duration.ofSeconds(30), Duration.ofSeconds(15))) {
            long start = System.nanoTime();
            TransactionRecord sale = bench.sale("12.95");

            assertThat(sale.state()).isEqualTo(TransactionState.UNKNOWN);
            assertThat(sale.outcome().reason()).isEqualTo("NO_FINAL_ANSWER");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        }
    }

    @Test
    void aSecondCallerGetsBusyWhileATransactionRuns() {
        try (IppTestBench bench = new IppTestBench();
                RawIppClient other = new RawIppClient(benchAddress(bench))) {
            Recorder slow = bench.start(PaymentCommand.sale(Money.ofMajor("12.93", "EUR"), null, null), new Recorder());
            slow.waitingForCard.join();

            other.send(purchase("aaaaaaaa-0000-0000-0000-000000000001", "5.00"));
            IppResponse busy = other.read();

            assertThat(busy.stage()).isEqualTo(IppStage.CHECK_REQUEST);
            assertThat(busy.status()).isEqualTo(IppStatus.BUSY);
            assertThat(busy.sid()).isEqualTo("aaaaaaaa-0000-0000-0000-000000000001");
            bench.pos.abort(IppTestBench.MERCHANT, "ipp-1", slow.started.join().id()).join();
            assertThat(slow.completed.join().state()).isEqualTo(TransactionState.ABORTED);
        }
    }

    @Test
    void theDriverReportsABusyTerminalAsFailed() {
        try (IppTestBench bench = new IppTestBench(); RawIppClient other = new RawIppClient(benchAddress(bench))) {
            other.send(purchase("aaaaaaaa-0000-0000-0000-000000000002", "12.93"));
            assertThat(other.read().stage()).isEqualTo(IppStage.CHECK_REQUEST);
            assertThat(other.read().stage()).isEqualTo(IppStage.PRESENT_CARD);

            TransactionRecord refused = bench.sale("6.00");

            assertThat(refused.state()).isEqualTo(TransactionState.FAILED);
            assertThat(refused.outcome().reason()).isEqualTo("TERMINAL_BUSY");
            assertThat(refused.outcome().rawResultCodes()).containsEntry("STATUS", "1");
        }
    }

    @Test
    void aTransactionLeftUncompletedIsCompletedBeforeTheNextOne() {
        try (IppTestBench bench = new IppTestBench(); RawIppClient pos = new RawIppClient(benchAddress(bench))) {
            String sid = "bbbbbbbb-0000-0000-0000-000000000001";
            pos.send(purchase(sid, "7.00"));
            List<IppResponse> replies = pos.readUntilFinal();
            assertThat(replies.get(replies.size() - 1).status()).isEqualTo(IppStatus.OK);

            // Without COMPLETE_TX the terminal refuses further payments with STATUS 20 ...
            pos.send(purchase("bbbbbbbb-0000-0000-0000-000000000002", "8.00"));
            assertThat(pos.read().status()).isEqualTo(IppStatus.LAST_TRANSACTION_NOT_COMPLETED);
            pos.send(new IppRequest(IppRequest.start(IppMethod.GET_STATUS, 200, "cccccccc-0000-0000-0000-000000000001")
                    .build()));
            IppResponse status = pos.readUntilFinal().get(1);
            assertThat(status.status()).isEqualTo(IppStatus.LAST_TRANSACTION_NOT_COMPLETED);
            assertThat(status.text(IppNames.SID_ORIGINAL)).isEqualTo(sid);
            assertThat(status.text(IppNames.LAST_TX_TYPE)).isEqualTo("00");

            // ... until the driver, opening with GET_STATUS, completes it and runs its own.
            assertThat(bench.sale("9.00").state()).isEqualTo(TransactionState.APPROVED);
        }
    }

    @Test
    void recoverAsksGetStatusForTheJournalledTransactionAndCompletesIt() {
        try (IppTestBench bench = new IppTestBench(); RawIppClient crashed = new RawIppClient(benchAddress(bench))) {
            // A gateway that crashed after the terminal approved: its SID is derived from the journal id.
            String id = "01a21cc40063af6b383cc21e90a3c9ac";
            crashed.send(purchase(Sids.of(id), "15.00"));
            crashed.readUntilFinal();
            Instant now = Instant.now();
            TransactionRecord journalled = new TransactionRecord(id, IppTestBench.MERCHANT, "ipp-1", "TEST", null,
                    PaymentKind.SALE, Money.ofMajor("15.00", "EUR"), null, null, null, false, false,
                    TransactionState.SENT, null, now, now);

            Optional<TransactionOutcome> recovered = bench.driver.recover(journalled).join();

            assertThat(recovered).hasValueSatisfying(outcome -> {
                assertThat(outcome.result()).isEqualTo(TransactionResult.APPROVED);
                assertThat(outcome.approvedAmount()).isEqualTo(Money.ofMajor("15.00", "EUR"));
            });
            assertThat(bench.sale("16.00").state()).isEqualTo(TransactionState.APPROVED);
            TransactionRecord unknownToTheTerminal = new TransactionRecord("01a21cc40063af6b383cc21e90a3c9ff",
                    IppTestBench.MERCHANT, "ipp-1", "TEST", null, PaymentKind.SALE, Money.ofMajor("1.00", "EUR"), null,
                    null, null, false, false, TransactionState.SENT, null, now, now);
            assertThat(bench.driver.recover(unknownToTheTerminal).join()).isEmpty();
        }
    }

    static IppRequest purchase(String sid, String amount) {
        return new IppRequest(IppRequest.start(IppMethod.PURCHASE, 200, sid).text(IppNames.AMOUNT, amount)
                .text(IppNames.CURRENCY, "978").text(IppNames.FIXED_PINPAD, "1").build());
    }

    private static java.net.InetSocketAddress benchAddress(IppTestBench bench) {
        return bench.emulatorAddress;
    }
}
