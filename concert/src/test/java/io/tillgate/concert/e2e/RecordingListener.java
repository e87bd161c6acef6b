package io.tillgate.concert.e2e;

import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalListener;
import io.tillgate.core.terminal.TerminalStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Collects what a driver reports about one transaction. */
final class RecordingListener implements TerminalListener {

    final List<TerminalStatus> statuses = new CopyOnWriteArrayList<>();
    final CompletableFuture<TransactionOutcome> outcome = new CompletableFuture<>();
    /** The thread the outcome was reported on. */
    volatile Thread outcomeThread;

    @Override
    public void onStatus(TerminalStatus status) {
        statuses.add(status);
    }

    @Override
    public void onAction(TerminalAction action) {
        throw new AssertionError("Concert asks nothing: " + action);
    }

    @Override
    public void onOutcome(TransactionOutcome outcome) {
        outcomeThread = Thread.currentThread();
        if (!this.outcome.complete(outcome)) {
            throw new AssertionError("second outcome " + outcome);
        }
    }

    TransactionOutcome await(Duration timeout) throws Exception {
        return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
