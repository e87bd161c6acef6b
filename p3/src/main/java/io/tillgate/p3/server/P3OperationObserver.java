package io.tillgate.p3.server;

import io.tillgate.core.service.TransactionObserver;
import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalEvent;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.p3.codec.P3Body;
import io.tillgate.p3.codec.P3Error;
import io.tillgate.p3.codec.P3ErrorType;
import io.tillgate.p3.codec.P3Message;
import io.tillgate.p3.codec.P3Status;
import io.tillgate.p3.codec.P3Transaction;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One P3 operation (an execute or an amend request) watching its transaction: turns the gateway's
 * reports into UPDATE, ACTION and RESPONSE messages carrying the request's tag and resource, and
 * guarantees exactly one response and nothing after it, whatever threads the reports come from.
 * A POS that has gone away is not an error: messages to a closed connection are dropped.
 */
abstract class P3OperationObserver implements TransactionObserver {

    private static final Logger LOG = LoggerFactory.getLogger(P3OperationObserver.class);

    protected final P3Message request;
    protected final P3Outbox outbox;
    protected final P3TransactionMapper mapper;
    private final Consumer<P3OperationObserver> onFinished;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile String transactionId;

    P3OperationObserver(P3Message request, P3Outbox outbox, P3TransactionMapper mapper,
            Consumer<P3OperationObserver> onFinished) {
        this.request = Objects.requireNonNull(request, "request");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.onFinished = Objects.requireNonNull(onFinished, "onFinished");
    }

    /** The observed transaction's id once the gateway has named it; {@code null} before. */
    final String transactionId() {
        return transactionId;
    }

    final boolean isFinished() {
        return finished.get();
    }

    /** The gateway accepted the request and registered this transaction. */
    final void started(TransactionRecord transaction) {
        transactionId = transaction.id();
    }

    @Override
    public final void onStatus(TransactionRecord transaction, TerminalStatus status) {
        started(transaction);
        if (!finished.get()) {
            outbox.publish(P3Message.ok(request, update(transaction, status)));
        }
    }

    @Override
    public final void onAction(TransactionRecord transaction, TerminalAction action) {
        started(transaction);
        if (finished.get()) {
            return;
        }
        P3Body body = action(transaction, action);
        if (body == null) {
            LOG.warn("P3 cannot ask the POS for {} on transaction {}; it waits for the terminal's timeout",
                    action.type(), transaction.id());
            return;
        }
        outbox.publish(P3Message.ok(request, body));
    }

    @Override
    public final void onEvent(TransactionRecord transaction, TerminalEvent event) {
        started(transaction);
        if (event.type() == TerminalEvent.Type.DROP_POS_CONNECTION && !finished.get()) {
            LOG.debug("P3 dropping the POS connection of transaction {} as its terminal asked ({})",
                    transaction.id(), event.detail());
            outbox.closeAfterPublished();
        }
    }

    @Override
    public final void onCompleted(TransactionRecord transaction) {
        started(transaction);
        if (finished.compareAndSet(false, true)) {
            respond(transaction);
            onFinished.accept(this);
        }
    }

    /** The progress message of this operation. */
    abstract P3Body update(TransactionRecord transaction, TerminalStatus status);

    /** The message asking the POS for {@code action}, or {@code null} if this operation cannot ask it. */
    abstract P3Body action(TransactionRecord transaction, TerminalAction action);

    /** Sends (now or once it is known) the one response to the request. */
    abstract void respond(TransactionRecord settled);

    /** The response body for a transaction. */
    abstract P3Body responseBody(P3Transaction transaction);

    /**
     * The response: OK for any outcome the terminal established or could not establish (approved,
     * declined, aborted, inconclusive); ERROR, still carrying the transaction, when the terminal
     * failed (docs/protocols/p3.md §3.5).
     */
    final P3Message response(TransactionRecord settled, P3Transaction body) {
        if (settled.state() != TransactionState.FAILED) {
            return P3Message.ok(request, responseBody(body));
        }
        String reason = settled.outcome() == null ? null : settled.outcome().reason();
        P3Error error = P3Error.of(P3ErrorType.INTERNAL_INCONSISTENCY, "The terminal reported an error", reason);
        P3Body responseBody = responseBody(body);
        return new P3Message(responseBody.messageType(), request.tag(), request.resource(), P3Status.ERROR, error,
                responseBody);
    }
}
