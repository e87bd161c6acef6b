package io.tillgate.p3.client;

import io.tillgate.p3.codec.AmendTransactionUpdate;
import io.tillgate.p3.codec.ExecuteTransactionAction;
import io.tillgate.p3.codec.ExecuteTransactionUpdate;
import io.tillgate.p3.codec.P3Message;
import io.tillgate.p3.codec.P3MessageType;
import io.tillgate.p3.codec.P3Transaction;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A charge (EXECUTE_TRANSACTION) or a refund/capture (AMEND_TRANSACTION): any number of updates and
 * actions, then one response. No timeout — a shopper may take minutes (docs/protocols/p3.md §7) — and it survives
 * a connection drop: {@link TransactionRecovery} then fetches its outcome.
 */
final class TransactionOperation extends ClientOperation<P3Transaction> {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionOperation.class);

    private final String operation;
    private final P3MessageType responseType;
    private final TransactionListener listener;
    private final TransactionHandle handle;
    private final Executor callbacks;
    private boolean answered;
    private P3Transaction lastKnown;

    /**
     * @param operation how failures name it: {@code charge}, {@code refund}, {@code capture}
     * @param callbacks where the listener runs
     */
    TransactionOperation(String operation, P3Message request, TransactionListener listener, TransactionHandle handle,
                         Executor callbacks) {
        super(request);
        this.operation = operation;
        this.responseType = request.type().responseType().orElseThrow();
        this.listener = listener;
        this.handle = handle;
        this.callbacks = callbacks;
    }

    /** Whether the server sent anything for this tag, so it certainly received the request. */
    boolean answered() {
        return answered;
    }

    P3Transaction lastKnown() {
        return lastKnown;
    }

    void lastKnown(P3Transaction transaction) {
        if (transaction != null) {
            lastKnown = transaction;
            handle.observe(transaction);
        }
    }

    @Override
    boolean onMessage(P3Message message) {
        answered = true;
        if (message.type() == responseType || message.type() == P3MessageType.ERROR_RESPONSE) {
            P3Transaction transaction = transactionOf(message.body());
            if (message.isError()) {
                fail(new P3ErrorException(operation, message.error(), transaction));
            } else if (transaction == null) {
                fail(new P3ProtocolException(operation + ": " + responseType + " for tag " + tag()
                        + " carries no transaction"));
            } else {
                complete(transaction);
            }
            return true;
        }
        if (message.isError()) {
            LOG.debug("ignoring {} with status ERROR for tag {}: {}", message.type(), tag(), message.error());
            return false;
        }
        boolean execute = responseType == P3MessageType.EXECUTE_TRANSACTION_RESPONSE;
        if (execute && message.body() instanceof ExecuteTransactionUpdate update) {
            lastKnown(update.transaction());
            notify(() -> listener.onUpdate(TransactionUpdate.of(update, handle)));
            return false;
        }
        if (!execute && message.body() instanceof AmendTransactionUpdate update) {
            notify(() -> listener.onUpdate(TransactionUpdate.of(update, handle)));
            return false;
        }
        if (execute && message.body() instanceof ExecuteTransactionAction action) {
            lastKnown(action.transaction());
            notify(() -> listener.onAction(new ActionRequest(handle, action.action(), action.transaction())));
            return false;
        }
        fail(new P3ProtocolException(operation + ": unexpected " + message.type() + " for tag " + tag()));
        return true;
    }

    @Override
    boolean onConnectionLost(ConnectionLostException cause) {
        notify(() -> listener.onRecovering(tag(), cause));
        return true;
    }

    @Override
    void failUnsent(PayClientException cause) {
        fail(new TransactionNotStartedException(tag(), "the request could not be sent: " + cause.getMessage(), cause));
    }

    @Override
    void failSent(PayClientException cause) {
        fail(new TransactionOutcomeUnknownException(tag(), cause.getMessage(), lastKnown, cause));
    }

    private void notify(Runnable callback) {
        callbacks.execute(() -> {
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.warn("transaction listener of tag {} failed", tag(), e);
            }
        });
    }
}
