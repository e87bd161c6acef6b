package io.tillgate.core.service;

import io.tillgate.core.transaction.ClaimConflictException;
import io.tillgate.core.transaction.FencedWriteException;
import io.tillgate.core.transaction.TransactionRecord;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Why the journal refused to record a new transaction, in the terms a POS is refused in. */
final class JournalRefusals {

    private static final Logger LOG = LoggerFactory.getLogger(JournalRefusals.class);

    private JournalRefusals() {
    }

    /** Why the journal refused a new transaction, as the POS should hear it. */
    static PaymentException of(TransactionRecord created, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ClaimConflictException claimed) {
            LOG.warn("transaction {} not started: {}", created.id(), claimed.getMessage());
            return new PaymentException(PaymentError.TERMINAL_BUSY, "transaction " + claimed.existingTransactionId()
                    + " with the same request or reference is running on another node of the cluster, or its "
                    + "outcome is unknown; query it, or try again once it is done");
        }
        if (cause instanceof FencedWriteException fenced) {
            LOG.warn("transaction {} not started: {}", created.id(), fenced.getMessage());
            return new PaymentException(PaymentError.TERMINAL_ELSEWHERE, "terminal " + fenced.terminalId()
                    + " is no longer driven by this node; try again shortly");
        }
        LOG.error("transaction {} could not be recorded; the terminal was not contacted", created.id(), failure);
        return new PaymentException(PaymentError.INTERNAL, "the journal refused the transaction");
    }
}
