package io.tillgate.nexo.driver;

import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.terminal.ActionAnswer;
import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalEvent;
import io.tillgate.core.terminal.TerminalListener;
import io.tillgate.core.terminal.TerminalRequest;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.nexo.codec.MessageHeader;
import java.util.concurrent.CompletableFuture;

/**
 * One transaction on the terminal, as the driver tracks it: the header of the request that carries
 * it (for Abort and TransactionStatus), the pending signature check, and the listener, which hears
 * nothing more once the outcome is delivered. Reports arrive from the HTTP client and the POS
 * listener on different threads; this class keeps them in order.
 */
final class PaymentRun {

    private final TerminalRequest request;
    private final TerminalListener listener;
    private MessageHeader header;
    private boolean abortRequested;
    private CompletableFuture<Boolean> pendingConfirmation;
    private boolean done;

    PaymentRun(TerminalRequest request, TerminalListener listener) {
        this.request = request;
        this.listener = listener;
    }

    TerminalRequest request() {
        return request;
    }

    String transactionId() {
        return request.transactionId();
    }

    synchronized MessageHeader header() {
        return header;
    }

    synchronized void sent(MessageHeader requestHeader) {
        header = requestHeader;
    }

    synchronized boolean abortRequested() {
        return abortRequested;
    }

    synchronized void requestAbort() {
        abortRequested = true;
    }

    synchronized boolean done() {
        return done;
    }

    synchronized void status(TerminalStatus status) {
        if (!done) {
            listener.onStatus(status);
        }
    }

    synchronized void event(TerminalEvent event) {
        if (!done) {
            listener.onEvent(event);
        }
    }

    /** Asks the POS to confirm; completes with its answer, or false once the transaction is over. */
    synchronized CompletableFuture<Boolean> confirm(String prompt) {
        if (done) {
            return CompletableFuture.completedFuture(false);
        }
        if (pendingConfirmation != null) {
            pendingConfirmation.complete(false);
        }
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        pendingConfirmation = answer;
        listener.onAction(new TerminalAction(TerminalAction.Type.CONFIRMATION, prompt));
        return answer;
    }

    /** The POS's answer; a signature counts as a confirmation that the customer signed. */
    synchronized boolean answer(ActionAnswer answer) {
        if (pendingConfirmation == null) {
            return false;
        }
        pendingConfirmation.complete(answer instanceof ActionAnswer.Confirmation confirmation
                ? confirmation.accepted() : true);
        pendingConfirmation = null;
        return true;
    }

    /** Delivers the outcome once; later calls are ignored and return false. */
    synchronized boolean finish(TransactionOutcome outcome) {
        if (done) {
            return false;
        }
        done = true;
        if (pendingConfirmation != null) {
            pendingConfirmation.complete(false);
            pendingConfirmation = null;
        }
        listener.onOutcome(outcome);
        return true;
    }
}
