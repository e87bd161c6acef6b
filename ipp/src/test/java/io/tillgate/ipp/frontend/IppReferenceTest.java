package io.tillgate.ipp.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.ipp.IppTestBench;
import io.tillgate.ipp.codec.IppMethod;
import io.tillgate.ipp.codec.IppNames;
import io.tillgate.ipp.codec.IppRequest;
import io.tillgate.ipp.codec.IppResponse;
import io.tillgate.ipp.codec.IppStage;
import io.tillgate.ipp.codec.IppStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code REFERENCE} is the POS's order number and {@code SID} the identity of one request
 * (docs/protocols/identity.md), over a real socket as the myPOS SDK uses them: the same order
 * number on every attempt at an order, a new SID for every call.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class IppReferenceTest {

    private IppTestBench bench;

    @BeforeEach
    void start() {
        bench = new IppTestBench();
    }

    @AfterEach
    void stop() {
        bench.close();
    }

    @Test
    void aDeclineThenAnApprovalWithOneReferenceChargesTheSecondCard() {
        try (RawIppClient pos = new RawIppClient(bench.emulatorAddress)) {
            IppResponse declined = outcome(pos, purchase("ref-sid-1", "12.91", "ORDER-1"));
            IppResponse approved = outcome(pos, purchase("ref-sid-2", "12.00", "ORDER-1"));
            complete(pos, "ref-sid-2", "ref-sid-3");

            assertThat(declined.status()).isEqualTo(IppStatus.OK);
            assertThat(declined.text(IppNames.APPROVAL)).isNotEqualTo("00");
            assertThat(approved.text(IppNames.APPROVAL)).isEqualTo("00");
            assertThat(approved.text(IppNames.STAN)).isNotEqualTo(declined.text(IppNames.STAN));
        }
        assertThat(journal("ORDER-1")).extracting(TransactionRecord::state)
                .containsExactly(TransactionState.APPROVED, TransactionState.DECLINED);
    }

    @Test
    void twoApprovalsWithOneReferenceAndOneAmountAreTwoTransactionsOnTheTerminal() {
        try (RawIppClient pos = new RawIppClient(bench.emulatorAddress)) {
            IppResponse first = outcome(pos, purchase("ref-sid-a", "12.00", "ORDER-2"));
            complete(pos, "ref-sid-a", "ref-sid-b");
            IppResponse second = outcome(pos, purchase("ref-sid-c", "12.00", "ORDER-2"));
            complete(pos, "ref-sid-c", "ref-sid-d");

            assertThat(List.of(first, second)).extracting(r -> r.text(IppNames.APPROVAL)).containsOnly("00");
            assertThat(second.text(IppNames.RRN)).isNotEqualTo(first.text(IppNames.RRN));
            assertThat(second.text(IppNames.STAN)).isNotEqualTo(first.text(IppNames.STAN));
        }
        assertThat(journal("ORDER-2")).hasSize(2).extracting(TransactionRecord::state)
                .containsOnly(TransactionState.APPROVED);
    }

    @Test
    void theSameSidSentTwiceIsOneTransaction() {
        try (RawIppClient pos = new RawIppClient(bench.emulatorAddress)) {
            IppResponse first = outcome(pos, purchase("ref-sid-x", "12.00", "ORDER-3"));
            List<IppResponse> again = send(pos, purchase("ref-sid-x", "12.00", "ORDER-3"));

            assertThat(again).as("the answer repeated, no card read").hasSize(1);
            IppResponse repeated = again.get(0);
            assertThat(repeated.stage()).isEqualTo(IppStage.OUTCOME);
            for (String name : List.of(IppNames.APPROVAL, IppNames.STAN, IppNames.RRN, IppNames.AUTH_CODE,
                    IppNames.AMOUNT)) {
                assertThat(repeated.text(name)).as(name).isEqualTo(first.text(name));
            }
            complete(pos, "ref-sid-x", "ref-sid-y");
        }
        assertThat(journal("ORDER-3")).hasSize(1);
    }

    @Test
    void aReferenceWhoseOutcomeIsUnknownIsRefused() throws InterruptedException {
        bench.close();
        bench = new IppTestBench(c -> c, c -> c, Duration.ofSeconds(30), Duration.ofMillis(300));
        try (RawIppClient pos = new RawIppClient(bench.emulatorAddress)) {
            pos.send(purchase("ref-sid-u", "12.95", "ORDER-4"));
            IppResponse refusal = untilNotBusy(pos, purchase("ref-sid-v", "12.00", "ORDER-4"));

            assertThat(refusal).extracting(IppResponse::sid, IppResponse::stage,
                    IppResponse::status).containsExactly("ref-sid-v", IppStage.CHECK_REQUEST,
                    IppStatus.LAST_TRANSACTION_NOT_COMPLETED);
            assertThat(outcome(pos, purchase("ref-sid-w", "12.00", "ORDER-5")).text(IppNames.APPROVAL))
                    .as("another order pays").isEqualTo("00");
        }
        assertThat(journal("ORDER-4")).extracting(TransactionRecord::state).containsExactly(TransactionState.UNKNOWN);
    }

    /**
     * Sends the request until the terminal is no longer busy: the emulator's gateway gives up on the
     * silent terminal (cents 95) after its 300 ms timeout. A refusal as busy reaches no journal.
     */
    private static IppResponse untilNotBusy(RawIppClient pos, IppRequest request) throws InterruptedException {
        while (true) {
            List<IppResponse> replies = send(pos, request);
            IppResponse last = replies.get(replies.size() - 1);
            if (last.status() != IppStatus.BUSY) {
                return last;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private List<TransactionRecord> journal(String reference) {
        return bench.emulatorStore.findByReference(IppTestBench.MERCHANT, reference, Instant.EPOCH);
    }

    private static IppResponse outcome(RawIppClient pos, IppRequest request) {
        List<IppResponse> replies = send(pos, request);
        IppResponse last = replies.get(replies.size() - 1);
        assertThat(last.stage()).isEqualTo(IppStage.OUTCOME);
        return last;
    }

    private static List<IppResponse> send(RawIppClient pos, IppRequest request) {
        pos.send(request);
        return pos.readUntilFinal();
    }

    private static void complete(RawIppClient pos, String sid, String completionSid) {
        pos.send(new IppRequest(IppRequest.start(IppMethod.COMPLETE_TX, 200, completionSid)
                .text(IppNames.SID_ORIGINAL, sid).build()));
        assertThat(pos.readUntilFinal()).extracting(IppResponse::status).containsOnly(IppStatus.OK);
    }

    private static IppRequest purchase(String sid, String amount, String reference) {
        return new IppRequest(IppRequest.start(IppMethod.PURCHASE, 200, sid).text(IppNames.AMOUNT, amount)
                .text(IppNames.CURRENCY, "978").text(IppNames.FIXED_PINPAD, "1")
                .text(IppNames.REFERENCE, reference).build());
    }
}
