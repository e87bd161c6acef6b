package io.tillgate.core.terminal;

import io.tillgate.core.payment.TransactionOutcome;

/**
 * Receives what a {@link Terminal} reports about one transaction. Calls come from the driver's own
 * threads, in order, and must not block. {@link #onOutcome} is called exactly once and is the last
 * call.
 */
public interface TerminalListener {

    void onStatus(TerminalStatus status);

    void onAction(TerminalAction action);

    default void onEvent(TerminalEvent event) {
    }

    void onOutcome(TransactionOutcome outcome);
}
