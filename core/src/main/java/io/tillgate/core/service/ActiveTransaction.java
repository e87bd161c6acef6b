package io.tillgate.core.service;

import io.netty.util.Timeout;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.terminal.ActionAnswer;
import io.tillgate.core.terminal.Terminal;
import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalEvent;
import io.tillgate.core.terminal.TerminalListener;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.TransactionMdc;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One transaction while its terminal works on it: the terminal's listener, the observers' hub, and
 * the last status and pending action that abort and answer routing check against. Whatever the
 * terminal reports, and whatever is routed to it, runs with the transaction's id in the log
 * context ({@link TransactionMdc}), so the observers' log lines carry it too.
 */
final class ActiveTransaction implements TerminalListener {

    private final PaymentService service;
    private final Terminal terminal;
    private final String id;
    private final List<TransactionObserver> observers = new CopyOnWriteArrayList<>();
    private TransactionRecord record;
    private TerminalStatus lastStatus;
    private TerminalAction pendingAction;
    /** Settled: the outcome (final or UNKNOWN) is known and being recorded. */
    private boolean settled;
    /** The record as it was before the outcome; what a POS may see until the outcome is durable. */
    private TransactionRecord beforeOutcome;
    /** The outcome is durable, the terminal free again, and the observers told. */
    private boolean completed;
    private Timeout timeout;

    ActiveTransaction(PaymentService service, Terminal terminal, TransactionRecord record) {
        this.service = service;
        this.terminal = terminal;
        this.record = record;
        this.id = record.id();
    }

    Terminal terminal() {
        return terminal;
    }

    synchronized TransactionRecord record() {
        return record;
    }

    /**
     * The record as a POS may be shown it: an outcome only once it is durable and the terminal is
     * free again, so nobody is told what a crash could still take back.
     */
    synchronized TransactionRecord visibleRecord() {
        return settled && !completed ? beforeOutcome : record;
    }

    /** The terminal is about to be contacted; progress reports start from SENT. */
    synchronized void sent(TransactionRecord next) {
        if (!settled && record.state() == TransactionState.CREATED) {
            record = next;
        }
    }

    synchronized void timeout(Timeout timeout) {
        this.timeout = timeout;
    }

    /**
     * Adds an observer and brings it up to date; a completed transaction is delivered at once, a
     * settled one once its outcome is durable.
     */
    void attach(TransactionObserver observer) {
        TransactionMdc.run(id, () -> bringUpToDate(observer));
    }

    private void bringUpToDate(TransactionObserver observer) {
        TransactionRecord current;
        TerminalStatus status;
        TerminalAction action;
        boolean done;
        synchronized (this) {
            done = completed;
            current = visibleRecord();
            status = settled ? null : lastStatus;
            action = settled ? null : pendingAction;
            if (!done) {
                observers.add(observer);
            }
        }
        if (done) {
            Notify.safely(observer, o -> o.onCompleted(current));
            return;
        }
        if (status != null) {
            Notify.safely(observer, o -> o.onStatus(current, status));
        }
        if (action != null) {
            Notify.safely(observer, o -> o.onAction(current, action));
        }
    }

    void detach(TransactionObserver observer) {
        observers.remove(observer);
    }

    /** Routes an abort, refusing when the last status said it is too late. */
    void abort() {
        TransactionMdc.run(id, this::routeAbort);
    }

    private void routeAbort() {
        synchronized (this) {
            if (settled) {
                throw new PaymentException(PaymentError.NO_ACTIVE_TRANSACTION,
                        "transaction " + record.id() + " has already ended");
            }
            if (pendingAction == null && lastStatus != null && !lastStatus.abortable()) {
                throw new PaymentException(PaymentError.NOT_ABORTABLE,
                        "transaction " + record.id() + " can no longer be aborted (" + lastStatus.phase() + ")");
            }
        }
        terminal.abort(record.id());
    }

    /** Routes the POS's answer to the pending action. */
    void answer(ActionAnswer answer) {
        TransactionMdc.run(id, () -> routeAnswer(answer));
    }

    private void routeAnswer(ActionAnswer answer) {
        synchronized (this) {
            if (settled || pendingAction == null) {
                throw new PaymentException(PaymentError.NO_PENDING_ACTION,
                        "transaction " + record.id() + " is not waiting for an answer");
            }
            if (!answer.answers(pendingAction.type())) {
                throw new PaymentException(PaymentError.NO_PENDING_ACTION,
                        "transaction " + record.id() + " waits for " + pendingAction.type() + ", not " + answer);
            }
            pendingAction = null;
            if (answer instanceof ActionAnswer.Signature signature && signature.onReceipt()) {
                record = record.withSignatureOnReceipt();
            }
        }
        terminal.answer(record().id(), answer);
    }

    @Override
    public void onStatus(TerminalStatus status) {
        TransactionMdc.run(id, () -> status(status));
    }

    private void status(TerminalStatus status) {
        TransactionRecord current;
        synchronized (this) {
            if (settled) {
                return;
            }
            lastStatus = status;
            pendingAction = null;
            if (record.state() == TransactionState.SENT) {
                record = record.withState(TransactionState.IN_PROGRESS, service.now());
                service.recordProgress(record);
            }
            current = record;
        }
        notifyAll(o -> o.onStatus(current, status));
    }

    @Override
    public void onAction(TerminalAction action) {
        TransactionMdc.run(id, () -> action(action));
    }

    private void action(TerminalAction action) {
        TransactionRecord current;
        synchronized (this) {
            if (settled) {
                return;
            }
            pendingAction = action;
            current = record;
        }
        notifyAll(o -> o.onAction(current, action));
    }

    @Override
    public void onEvent(TerminalEvent event) {
        TransactionMdc.run(id, () -> event(event));
    }

    private void event(TerminalEvent event) {
        TransactionRecord current;
        synchronized (this) {
            if (settled) {
                return;
            }
            current = record;
        }
        notifyAll(o -> o.onEvent(current, event));
    }

    @Override
    public void onOutcome(TransactionOutcome outcome) {
        TransactionMdc.run(id, () -> outcome(outcome));
    }

    private void outcome(TransactionOutcome outcome) {
        TransactionRecord settledRecord;
        synchronized (this) {
            if (record.isFinal()) {
                service.lateOutcome(record, outcome);
                return;
            }
            boolean wasSettled = settled;
            if (!wasSettled) {
                beforeOutcome = record;
            }
            settled = true;
            if (timeout != null) {
                timeout.cancel();
            }
            record = record.withOutcome(outcome, PaymentService.capturedAfter(record, outcome), service.now());
            settledRecord = record;
            if (wasSettled) {
                // The gateway had given up (UNKNOWN); the terminal's late answer resolves the journal.
                service.resolveLate(settledRecord);
                return;
            }
        }
        service.settle(this, settledRecord);
    }

    /** The terminal took too long: the outcome is UNKNOWN until the terminal or an operator says. */
    void expire() {
        TransactionMdc.run(id, this::giveUp);
    }

    private void giveUp() {
        TransactionRecord unknown;
        synchronized (this) {
            if (settled) {
                return;
            }
            settled = true;
            beforeOutcome = record;
            unknown = record.withOutcome(
                    TransactionOutcome.of(TransactionResult.UNKNOWN, "TERMINAL_TIMEOUT"),
                    false, service.now());
            record = unknown;
        }
        terminal.abort(unknown.id());
        service.settle(this, unknown);
    }

    void completed(TransactionRecord settledRecord) {
        synchronized (this) {
            completed = true;
        }
        notifyAll(o -> o.onCompleted(settledRecord));
        observers.clear();
    }

    private void notifyAll(Consumer<TransactionObserver> call) {
        for (TransactionObserver observer : observers) {
            Notify.safely(observer, call);
        }
    }
}
