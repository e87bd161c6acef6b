package io.tillgate.nexo.driver;

import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalEvent;
import io.tillgate.core.terminal.TerminalListener;
import io.tillgate.core.terminal.TerminalStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** What a driver told the POS about one transaction; the outcome must come last and once. */
final class RecordingListener implements TerminalListener {

    final List<TerminalStatus> statuses = new CopyOnWriteArrayList<>();
    final List<TerminalAction> actions = new CopyOnWriteArrayList<>();
    final List<TerminalEvent> events = new CopyOnWriteArrayList<>();
    final CompletableFuture<TransactionOutcome> outcome = new CompletableFuture<>();
    private final Consumer<TerminalAction> onAction;
    private volatile boolean lateCall;

    RecordingListener(Consumer<TerminalAction> onAction) {
        this.onAction = onAction;
    }

    RecordingListener() {
        this(action -> { });
    }

    @Override
    public void onStatus(TerminalStatus status) {
        lateCall |= outcome.isDone();
        statuses.add(status);
    }

    @Override
    public void onAction(TerminalAction action) {
        lateCall |= outcome.isDone();
        actions.add(action);
        onAction.accept(action);
    }

    @Override
    public void onEvent(TerminalEvent event) {
        lateCall |= outcome.isDone();
        events.add(event);
    }

    @Override
    public void onOutcome(TransactionOutcome result) {
        lateCall |= outcome.isDone();
        outcome.complete(result);
    }

    TransactionOutcome await() throws Exception {
        return outcome.get(15, TimeUnit.SECONDS);
    }

    boolean calledAfterOutcome() {
        return lateCall;
    }

    List<String> firstLines() {
        return statuses.stream().map(s -> s.display().get(0)).toList();
    }
}
