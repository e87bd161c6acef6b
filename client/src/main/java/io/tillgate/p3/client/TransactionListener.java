package io.tillgate.p3.client;

/**
 * Follows one running charge, refund or capture. Methods run on the client's callback executor
 * (by default a thread of the client's own, never the I/O thread), one at a time, in the order the
 * server sent the messages, and before the transaction's outcome completes. A method that throws is
 * logged and does not disturb the transaction.
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
     * The transaction is paused until the POS answers: for
     * {@link TransactionAction#CUSTOMER_SIGNATURE} call {@link ActionRequest#submitSignature},
     * {@link ActionRequest#signOnReceipt} or {@link ActionRequest#abort}. The result still arrives
     * through {@link TransactionHandle#outcome()}.
     */
    default void onAction(ActionRequest action) {
    }

    /**
     * The connection dropped while the transaction ran; the client now reconnects (to the next
     * gateway address, if it has several) and asks for the outcome by {@code tag}. No further
     * updates or actions come for this transaction.
     */
    default void onRecovering(String tag, PayClientException cause) {
    }
}
