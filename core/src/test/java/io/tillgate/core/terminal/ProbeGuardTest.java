package io.tillgate.core.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ProbeGuardTest {

    private final ProbeGuard guard = new ProbeGuard("t1");
    /** The exchanges the guard let start, in order. */
    private final List<CompletableFuture<Void>> exchanges = new ArrayList<>();
    private final List<TransactionOutcome> outcomes = new ArrayList<>();

    private CompletableFuture<Void> probe() {
        return guard.probe(() -> {
            CompletableFuture<Void> exchange = new CompletableFuture<>();
            exchanges.add(exchange);
            return exchange;
        });
    }

    @Test
    void aProbeEndsAsItsExchangeDoes() {
        CompletableFuture<Void> answered = probe();
        exchanges.get(0).complete(null);
        assertThat(answered).isCompleted();

        CompletableFuture<Void> refused = probe();
        TerminalProbeException failure = new TerminalProbeException("t1", TerminalProbeException.Failure.UNREACHABLE,
                "cannot connect");
        exchanges.get(1).completeExceptionally(new CompletionException(failure));
        assertThatThrownBy(refused::join).hasCause(failure);
        assertThat(failure).hasMessage("terminal t1 is unreachable: cannot connect");
    }

    @Test
    void aProbeWhileATransactionRunsIsRefusedWithoutContactingTheTerminal() {
        TerminalListener listener = guard.transactionStarting(new Outcomes());

        assertThatThrownBy(() -> probe().join()).cause().isInstanceOfSatisfying(TerminalProbeException.class,
                e -> assertThat(e.failure()).isEqualTo(TerminalProbeException.Failure.BUSY));
        assertThat(exchanges).isEmpty();

        listener.onOutcome(TransactionOutcome.of(TransactionResult.APPROVED, null));
        assertThat(outcomes).hasSize(1);
        probe();
        assertThat(exchanges).hasSize(1);
    }

    @Test
    void aTransactionThatStartsMakesTheRunningProbeGiveWayAndDropItsExchange() {
        CompletableFuture<Void> probe = probe();

        guard.transactionStarting(new Outcomes());

        assertThatThrownBy(probe::join).cause().isInstanceOfSatisfying(TerminalProbeException.class,
                e -> assertThat(e).hasMessage("terminal t1 runs a transaction: a transaction started; the probe "
                        + "gave way"));
        assertThat(exchanges.get(0)).isCancelled();
    }

    @Test
    void aSecondProbeJoinsTheOneUnderWay() {
        CompletableFuture<Void> first = probe();
        CompletableFuture<Void> second = probe();

        assertThat(exchanges).hasSize(1);
        exchanges.get(0).complete(null);
        assertThat(first).isCompleted();
        assertThat(second).isCompleted();
    }

    @Test
    void aCallerThatGivesUpDropsTheExchangeAndFreesTheGuard() {
        CompletableFuture<Void> probe = probe();

        probe.completeExceptionally(new TerminalProbeException("t1", TerminalProbeException.Failure.NO_ANSWER,
                "no answer within 5000 ms"));

        assertThat(exchanges.get(0)).isCancelled();
        probe();
        assertThat(exchanges).as("a new probe, not the one given up").hasSize(2);
    }

    @Test
    void probesWaitUntilEveryTransactionStillRunningHasEndedEachOnce() {
        TerminalListener timedOut = guard.transactionStarting(new Outcomes());
        TerminalListener next = guard.transactionStarting(new Outcomes());

        timedOut.onOutcome(TransactionOutcome.of(TransactionResult.UNKNOWN, null));
        timedOut.onOutcome(TransactionOutcome.of(TransactionResult.UNKNOWN, null));
        assertThat(probe()).isCompletedExceptionally();

        next.onOutcome(TransactionOutcome.of(TransactionResult.APPROVED, null));
        probe();
        assertThat(exchanges).hasSize(1);
    }

    private final class Outcomes implements TerminalListener {
        @Override
        public void onStatus(TerminalStatus status) {
        }

        @Override
        public void onAction(TerminalAction action) {
        }

        @Override
        public void onOutcome(TransactionOutcome outcome) {
            outcomes.add(outcome);
        }
    }
}
