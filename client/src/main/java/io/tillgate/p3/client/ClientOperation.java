package io.tillgate.p3.client;

import io.tillgate.p3.codec.AmendTransactionResponse;
import io.tillgate.p3.codec.ExecuteTransactionAction;
import io.tillgate.p3.codec.ExecuteTransactionResponse;
import io.tillgate.p3.codec.ExecuteTransactionUpdate;
import io.tillgate.p3.codec.P3Body;
import io.tillgate.p3.codec.P3Message;
import io.tillgate.p3.codec.P3Transaction;
import io.tillgate.p3.codec.QueryTransactionResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One request and the future of its result, registered under the request's tag while it waits for
 * the server. Confined to the session's event loop, except {@link #future()}, which callers hold.
 */
abstract class ClientOperation<T> {

    private final P3Message request;
    private final CompletableFuture<T> future = new CompletableFuture<>();
    private ScheduledFuture<?> timer;

    ClientOperation(P3Message request) {
        this.request = request;
    }

    final P3Message request() {
        return request;
    }

    final String tag() {
        return request.tag();
    }

    final CompletableFuture<T> future() {
        return future;
    }

    final boolean isDone() {
        return future.isDone();
    }

    final void complete(T result) {
        future.complete(result);
    }

    final void fail(Throwable cause) {
        future.completeExceptionally(cause);
    }

    /** Keeps the timeout armed for this operation so it can be cancelled once the operation ends. */
    final void timer(ScheduledFuture<?> value) {
        timer = value;
    }

    final void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /**
     * Handles a message carrying this operation's tag.
     *
     * @return whether the operation is finished and no further message is expected for its tag
     */
    abstract boolean onMessage(P3Message message);

    /**
     * The connection closed after the request was written.
     *
     * @return whether the operation survives the drop and must now be recovered
     */
    abstract boolean onConnectionLost(ConnectionLostException cause);

    /** The request was never written: fail saying so. */
    abstract void failUnsent(PayClientException cause);

    /** The client was closed after the request was written. */
    abstract void failSent(PayClientException cause);

    /** The transaction an (often ERROR) message body carries, or {@code null}. */
    static P3Transaction transactionOf(P3Body body) {
        if (body instanceof ExecuteTransactionResponse r) {
            return r.transaction();
        }
        if (body instanceof AmendTransactionResponse r) {
            return r.transaction();
        }
        if (body instanceof QueryTransactionResponse r) {
            return r.transaction();
        }
        if (body instanceof ExecuteTransactionUpdate u) {
            return u.transaction();
        }
        if (body instanceof ExecuteTransactionAction a) {
            return a.transaction();
        }
        return null;
    }
}
