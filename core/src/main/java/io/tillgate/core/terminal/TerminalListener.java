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

    /**
     * A listener that passes everything on to {@code delegate} and runs {@code beforeOutcome} just
     * before the outcome: for a driver that must forget a transaction, or free its terminal, once the
     * transaction has ended.
     */
    static TerminalListener beforeOutcome(TerminalListener delegate, Runnable beforeOutcome) {
        return new TerminalListener() {
            @Override
            public void onStatus(TerminalStatus status) {
                delegate.onStatus(status);
            }

            @Override
            public void onAction(TerminalAction action) {
                delegate.onAction(action);
            }

            @Override
            public void onEvent(TerminalEvent event) {
                delegate.onEvent(event);
            }

            @Override
            public void onOutcome(TransactionOutcome outcome) {
                beforeOutcome.run();
                delegate.onOutcome(outcome);
            }
        };
    }
}
