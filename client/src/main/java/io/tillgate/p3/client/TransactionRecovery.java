package io.tillgate.p3.client;

import io.tillgate.p3.codec.P3Message;
import io.tillgate.p3.codec.P3Transaction;
import io.tillgate.p3.codec.QueryTransactionRequest;
import io.tillgate.p3.codec.QueryTransactionResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Fetches the outcome of a transaction whose connection dropped (docs/protocols/p3.md §6, "Recovery after
 * disconnect"): asks {@code QUERY_TRANSACTION {"tag": <original tag>}} every poll interval until
 * the transaction is final or the recovery deadline passes. The queries go through the session
 * like any request, so they wait while it reconnects and logs in again.
 *
 * <p>How an answer ends the operation:
 * <ul>
 *   <li>a final status ({@link TransactionStatus#isFinal()}): completes with that transaction;</li>
 *   <li>TRANSACTION_REFERENCE_NOT_FOUND although the server had answered the request: outcome
 *       unknown (the server lost it);</li>
 *   <li>TRANSACTION_REFERENCE_NOT_FOUND twice, one poll interval apart, for a request the server
 *       never answered: not started (the second look covers a request still being registered);</li>
 *   <li>any other error type: outcome unknown (no Tillgate QUERY extension);</li>
 *   <li>a lost connection or a query timeout: ask again on the next poll.</li>
 * </ul>
 * Confined to the session's event loop.
 */
final class TransactionRecovery {

    private final ClientSession session;
    private final TransactionOperation transaction;
    private final Duration timeout;
    private final Duration pollInterval;
    private final long deadlineNanos;
    private boolean notFoundBefore;

    TransactionRecovery(ClientSession session, TransactionOperation transaction, Duration timeout,
                        Duration pollInterval) {
        this.session = session;
        this.transaction = transaction;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    void poll() {
        if (transaction.isDone()) {
            return;
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            unknown("it was still not final after " + timeout.toSeconds() + " s of recovery", null);
            return;
        }
        P3Message request = P3Message.request(QueryTransactionRequest.byTag(transaction.tag()),
                UUID.randomUUID().toString(), P3Message.ROOT);
        RequestOperation<P3Transaction> query = new RequestOperation<>("recovery query", request,
                response -> response.body(QueryTransactionResponse.class).transaction());
        query.future().whenComplete((found, error) -> session.execute(() -> onAnswer(found, error)));
        session.submit(query);
    }

    private void onAnswer(P3Transaction found, Throwable error) {
        if (transaction.isDone()) {
            return;
        }
        if (error == null) {
            transaction.lastKnown(found);
            if (TransactionStatus.of(found).isFinal()) {
                transaction.complete(found);
            } else {
                pollLater();
            }
            return;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof P3ErrorException e && e.isType(ErrorType.TRANSACTION_REFERENCE_NOT_FOUND)) {
            onNotFound(e);
        } else if (cause instanceof P3ErrorException e) {
            unknown("the server cannot look it up (" + e.getMessage()
                    + "); it may not support the Tillgate QUERY_TRANSACTION extension", e);
        } else if (cause instanceof ConnectionLostException || cause instanceof RequestTimeoutException) {
            pollLater();
        } else {
            unknown(cause.getMessage(), cause);
        }
    }

    private void onNotFound(P3ErrorException e) {
        if (transaction.answered()) {
            unknown("the server no longer knows the request although it had answered it", e);
        } else if (!notFoundBefore) {
            notFoundBefore = true;
            pollLater();
        } else {
            transaction.fail(new TransactionNotStartedException(transaction.tag(),
                    "the server never received it (QUERY_TRANSACTION: " + e.rawType() + ")", e));
        }
    }

    private void pollLater() {
        session.schedule(this::poll, pollInterval.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void unknown(String reason, Throwable cause) {
        transaction.fail(new TransactionOutcomeUnknownException(transaction.tag(), reason, transaction.lastKnown(),
                cause));
    }
}
