package io.tillgate.p3.client;

import io.tillgate.p3.codec.ExecuteTransactionAction;

/**
 * Follows one running charge, refund or capture. Methods run on the client's I/O thread, in the
 * order the server sent the messages: they must not block (hand slow work such as a console prompt
 * to another thread). They may call the client, whose methods never block.
 */
public interface TransactionListener {

    /** A listener that ignores everything. */
    TransactionListener NONE = new TransactionListener() {
    };

    /**
     * Progress. The last update received tells whether an abort may succeed
     * ({@link TransactionUpdate#abortable()}); offer one only then.
     */
    default void onUpdate(TransactionUpdate update) {
    }

    /**
     * The transaction is paused until the client answers: for {@code CUSTOMER_SIGNATURE} call
     * {@link PayClient#submitSignature}, {@link PayClient#submitSignatureOnReceipt} or
     * {@link PayClient#abort}. The result still arrives through the charge's future.
     */
    default void onAction(ExecuteTransactionAction action) {
    }

    /**
     * The connection dropped while the transaction ran; the client now reconnects and asks the
     * server for the outcome. No further updates or actions come for this transaction.
     */
    default void onRecovering(String tag, PayClientException cause) {
    }
}
