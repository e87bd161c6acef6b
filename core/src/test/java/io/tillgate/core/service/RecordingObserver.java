package io.tillgate.core.service;

import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalEvent;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.TransactionRecord;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Collects what a front-end would be told about one transaction. */
final class RecordingObserver implements TransactionObserver {

    final List<TerminalStatus> statuses = new CopyOnWriteArrayList<>();
    final List<TerminalEvent> events = new CopyOnWriteArrayList<>();
    final CompletableFuture<TerminalAction> action = new CompletableFuture<>();
    final CompletableFuture<TransactionRecord> completed = new CompletableFuture<>();
    private final CompletableFuture<TerminalStatus> abortable = new CompletableFuture<>();
    private final CompletableFuture<TerminalStatus> notAbortable = new CompletableFuture<>();

    @Override
    public void onStatus(TransactionRecord transaction, TerminalStatus status) {
        statuses.add(status);
        (status.abortable() ? abortable : notAbortable).complete(status);
    }

    @Override
    public void onAction(TransactionRecord transaction, TerminalAction terminalAction) {
        action.complete(terminalAction);
    }

    @Override
    public void onEvent(TransactionRecord transaction, TerminalEvent event) {
        events.add(event);
    }

    @Override
    public void onCompleted(TransactionRecord transaction) {
        if (!completed.complete(transaction)) {
            throw new AssertionError("completed twice");
        }
    }

    TransactionRecord awaitCompleted() throws Exception {
        return completed.get(5, TimeUnit.SECONDS);
    }

    void awaitAbortable() throws Exception {
        abortable.get(5, TimeUnit.SECONDS);
    }

    void awaitNotAbortable() throws Exception {
        notAbortable.get(5, TimeUnit.SECONDS);
    }
}
