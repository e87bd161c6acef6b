package io.tillgate.core.service;

import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalEvent;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.TransactionRecord;

/**
 * A front-end's view of one transaction. Calls arrive in order from gateway threads and must not
 * block; {@link #onCompleted} comes last, once, after the outcome is durable.
 */
public interface TransactionObserver {

    void onStatus(TransactionRecord transaction, TerminalStatus status);

    void onAction(TransactionRecord transaction, TerminalAction action);

    default void onEvent(TransactionRecord transaction, TerminalEvent event) {
    }

    void onCompleted(TransactionRecord transaction);
}
