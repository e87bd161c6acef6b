package io.tillgate.journal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.journal.Fence;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which writes of a batch become one row update, and which stay on their own. */
class BatchPlanTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");

    private static TransactionRecord created(String id) {
        return new TransactionRecord(id, "shop-1", "till-1", "P3", "req-" + id, PaymentKind.SALE,
                Money.ofMinor(1250, "EUR"), null, null, null, false, false, TransactionState.CREATED, null, T0, T0);
    }

    private static WriteCommand update(TransactionRecord record) {
        return WriteCommand.update(record, null, null, null);
    }

    private static List<List<WriteCommand>> plan(WriteCommand... batch) {
        return BatchPlan.of(List.of(batch)).stream().map(BatchPlan.Step::commands).toList();
    }

    @Test
    void aPaymentsProgressAndOutcomeBecomeOneStepAmongOtherTransactions() {
        TransactionRecord a = created("a".repeat(32));
        TransactionRecord b = created("b".repeat(32));
        WriteCommand aSent = update(a.withState(TransactionState.SENT, T0));
        WriteCommand bInsert = WriteCommand.insert(b, null);
        WriteCommand aProgress = update(a.withState(TransactionState.IN_PROGRESS, T0));
        WriteCommand aApproved = update(a.withOutcome(TransactionOutcome.of(TransactionResult.APPROVED, "OK"), true, T0));

        assertThat(plan(aSent, bInsert, aProgress, aApproved))
                .containsExactly(List.of(aSent, aProgress, aApproved), List.of(bInsert));
    }

    @Test
    void anUpdateThatMayNotFollowStartsAStepOfItsOwnAndLaterOnesJoinThatOne() {
        TransactionRecord a = created("a".repeat(32));
        TransactionRecord approved = a.withOutcome(TransactionOutcome.of(TransactionResult.APPROVED, "OK"), true, T0);
        WriteCommand aApproved = update(approved);
        WriteCommand aLateProgress = update(a.withState(TransactionState.IN_PROGRESS, T0));
        WriteCommand aUnknown = update(a.withState(TransactionState.UNKNOWN, T0));

        assertThat(plan(aApproved, aLateProgress, aUnknown))
                .containsExactly(List.of(aApproved), List.of(aLateProgress, aUnknown));
    }

    @Test
    void theCaptureOfAnApprovedPreAuthorisationFollowsItsApproval() {
        TransactionRecord approved = created("a".repeat(32))
                .withOutcome(TransactionOutcome.of(TransactionResult.APPROVED, "OK"), false, T0);
        WriteCommand approval = update(approved);
        WriteCommand capture = update(approved.withCaptured(T0));
        WriteCommand captureAgain = update(approved.withCaptured(T0));

        assertThat(plan(approval, capture, captureAgain))
                .containsExactly(List.of(approval, capture), List.of(captureAgain));
    }

    @Test
    void anOperatorsResolutionAndADifferentFenceStayOnTheirOwn() {
        TransactionRecord a = created("a".repeat(32));
        TransactionRecord unknown = a.withState(TransactionState.UNKNOWN, T0);
        WriteCommand aUnknown = update(unknown);
        WriteCommand resolution = WriteCommand.update(
                unknown.withOutcome(TransactionOutcome.of(TransactionResult.DECLINED, "NO"), false, T0),
                "checked", "cli:bob", null);
        TransactionRecord b = created("b".repeat(32));
        WriteCommand bSent = WriteCommand.update(b.withState(TransactionState.SENT, T0), null, null, new Fence("n1", 1));
        WriteCommand bProgress = WriteCommand.update(b.withState(TransactionState.IN_PROGRESS, T0), null, null,
                new Fence("n1", 2));

        assertThat(plan(aUnknown, resolution, bSent, bProgress))
                .containsExactly(List.of(aUnknown), List.of(resolution), List.of(bSent), List.of(bProgress));
    }
}
