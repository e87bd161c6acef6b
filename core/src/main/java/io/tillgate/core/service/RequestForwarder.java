package io.tillgate.core.service;

import io.tillgate.core.terminal.ActionAnswer;
import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.TransactionRecord;
import java.util.concurrent.CompletableFuture;

/**
 * Carries a request for a terminal another node of the cluster drives to that node (docs/cluster.md),
 * so a POS of any node pays on any terminal. The holder journals and runs the transaction; this node
 * only relays. Implementations must not block the caller: it may be a Netty event loop.
 */
public interface RequestForwarder {

    /**
     * Sends {@code request} to {@code holder}. Completes once the holder has registered the
     * transaction (its first progress, action or answer), after which {@code listener} hears the rest;
     * fails with a {@link PaymentException} when the holder refused it (in the holder's terms, so
     * {@link PaymentError#TERMINAL_ELSEWHERE} when the terminal has moved on again) or could not be
     * reached, and then nothing ran.
     */
    CompletableFuture<Forwarding> forward(PaymentRequest request, TerminalPlacement.Holder holder,
            ForwardListener listener);

    /** A transaction running at its holder for this node's POS. */
    interface Forwarding {

        /** The transaction as the holder first reported it. */
        TransactionRecord started();

        /** Asks the holder to abort it; fails with the holder's refusal as a {@link PaymentException}. */
        CompletableFuture<Void> abort();

        /** Hands the POS's answer to the pending action to the holder. */
        CompletableFuture<Void> answer(ActionAnswer answer);
    }

    /** What the holder reports about a forwarded transaction, in order, from any thread. */
    interface ForwardListener {

        void onStatus(TransactionRecord transaction, TerminalStatus status);

        void onAction(TransactionRecord transaction, TerminalAction action);

        /** The holder's final answer, as it sent it; the journal has it by now. Comes once, last. */
        void onFinal(TransactionRecord transaction);

        /**
         * The link to the holder went down after the transaction started: it goes on there, and this
         * node hears no more of it. Comes once, last, instead of {@link #onFinal}.
         */
        void onLinkLost(TransactionRecord lastKnown, String why);
    }
}
