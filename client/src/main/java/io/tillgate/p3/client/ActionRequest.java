package io.tillgate.p3.client;

import io.tillgate.p3.codec.P3Transaction;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A running charge is paused until the POS answers (EXECUTE_TRANSACTION_ACTION). For
 * {@link TransactionAction#CUSTOMER_SIGNATURE} answer with {@link #submitSignature},
 * {@link #signOnReceipt} or {@link #abort}; the outcome still comes through
 * {@link TransactionHandle#outcome()}.
 */
public final class ActionRequest {

    private final TransactionHandle handle;
    private final String rawAction;
    private final P3Transaction transaction;

    ActionRequest(TransactionHandle handle, String rawAction, P3Transaction transaction) {
        this.handle = Objects.requireNonNull(handle, "handle");
        this.rawAction = rawAction;
        this.transaction = transaction;
    }

    /** What is asked for; {@link TransactionAction#UNRECOGNISED} for an action this client does not know. */
    public TransactionAction action() {
        return TransactionAction.of(rawAction);
    }

    /** The action exactly as the server sent it. */
    public String rawAction() {
        return rawAction;
    }

    /** The transaction as it stands, or {@code null} when the server sent none. */
    public P3Transaction transaction() {
        return transaction;
    }

    /** The transaction that waits. */
    public TransactionHandle handle() {
        return handle;
    }

    /** Answers with the customer's signature as a PNG image. */
    public CompletableFuture<Void> submitSignature(byte[] png) {
        return handle.submitSignature(png);
    }

    /** Answers "the customer signs the printed merchant receipt". */
    public CompletableFuture<Void> signOnReceipt() {
        return handle.signOnReceipt();
    }

    /** Aborts the transaction instead of answering. */
    public CompletableFuture<Void> abort() {
        return handle.abort();
    }

    @Override
    public String toString() {
        return "ActionRequest[" + rawAction + ", tag " + handle.tag() + "]";
    }
}
