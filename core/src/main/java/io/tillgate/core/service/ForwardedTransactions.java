package io.tillgate.core.service;

import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.terminal.ActionAnswer;
import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.TransactionMdc;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.core.transaction.TransactionStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactions this node's POS run on terminals another node of the cluster drives
 * (docs/cluster.md): forwarded to the holder, which journals and runs them, and followed here so that
 * abort, the answer to an action, detach and the same message sent again reach them. The final answer
 * is read back from the shared journal, so a POS hears what the journal holds.
 *
 * <p>A request that another node forwarded here is never forwarded again: forwarding cannot loop.
 */
final class ForwardedTransactions {

    private static final Logger LOG = LoggerFactory.getLogger(ForwardedTransactions.class);
    /** The reason a POS is given when the link to the holder went down mid-transaction. */
    static final String LINK_LOST = "NODE_LINK_LOST";

    private final RequestForwarder forwarder;
    private final TerminalPlacement placement;
    private final TransactionStore store;
    private final Clock clock;
    /** Where the journal is read; never a Netty event loop. */
    private final Executor reads;
    /** Told each time a forwarded transaction ends: a graceful stop waits for them too. */
    private final Runnable onEnded;
    private final Map<String, Forwarded> byTerminal = new ConcurrentHashMap<>();

    /** @param forwarder {@code null} when this node forwards nothing (no cluster secret) */
    ForwardedTransactions(RequestForwarder forwarder, TerminalPlacement placement, TransactionStore store, Clock clock,
            Executor reads, Runnable onEnded) {
        this.forwarder = forwarder;
        this.placement = placement;
        this.store = store;
        this.clock = clock;
        this.reads = reads;
        this.onEnded = onEnded;
    }

    /**
     * Forwards a request for a terminal another node drives; called under the admission lock, the
     * sending is left to do. Refuses it with {@code elsewhere} as the reason when it cannot be forwarded:
     * no forwarder, a request that was itself forwarded, or no known holder.
     */
    Supplier<CompletableFuture<TransactionRecord>> forward(PaymentRequest request, String terminalId, String elsewhere,
            TransactionObserver observer) {
        Optional<TerminalPlacement.Holder> holder = placement.holder(terminalId);
        if (forwarder == null || request.forwarded() || holder.isEmpty()) {
            throw new PaymentException(PaymentError.TERMINAL_ELSEWHERE, elsewhere);
        }
        // A refund or capture names no terminal of its own: the holder is told its original's.
        Forwarded forwarded = new Forwarded(request.onTerminal(terminalId), terminalId, observer);
        if (byTerminal.putIfAbsent(terminalId, forwarded) != null) {
            throw new PaymentException(PaymentError.TERMINAL_BUSY,
                    "terminal " + terminalId + " is busy with another transaction");
        }
        return () -> send(forwarded, holder.get(), true);
    }

    /**
     * Joins the forwarded transaction this message started, if it is the same message sent again while
     * it runs; called under the admission lock.
     */
    Optional<TransactionRecord> join(PaymentRequest request, TransactionObserver observer) {
        if (request.requestReference() == null) {
            return Optional.empty();
        }
        for (Forwarded forwarded : byTerminal.values()) {
            if (forwarded.sameMessage(request) && forwarded.last != null) {
                forwarded.join(observer);
                return Optional.of(forwarded.last);
            }
        }
        return Optional.empty();
    }

    /**
     * The same message sent again to this node while the transaction it started runs at another node
     * (the POS moved to this node): joins it there, where the holder finds it by its message identity.
     * The caller has found it running elsewhere ({@link IdempotencyKeys#runsElsewhere}); empty when it
     * cannot be joined from here. Under the admission lock.
     */
    Optional<Supplier<CompletableFuture<TransactionRecord>>> joinAtHolder(PaymentRequest request,
            TransactionRecord stored, TransactionObserver observer) {
        if (forwarder == null || request.forwarded()) {
            return Optional.empty();
        }
        Optional<String> elsewhere = placement.elsewhere(stored.terminalId());
        if (elsewhere.isEmpty() || placement.holder(stored.terminalId()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(forward(request, stored.terminalId(), elsewhere.get(), observer));
    }

    /** Whether no forwarded transaction runs. */
    boolean isEmpty() {
        return byTerminal.isEmpty();
    }

    /** Whether a transaction forwarded from here runs on the terminal. */
    boolean runsOn(String terminalId) {
        return byTerminal.containsKey(terminalId);
    }

    CompletableFuture<TransactionRecord> abort(String merchantId, String terminalId, String transactionId) {
        return route(merchantId, terminalId, transactionId, RequestForwarder.Forwarding::abort);
    }

    CompletableFuture<TransactionRecord> answer(String merchantId, String terminalId, ActionAnswer answer) {
        return route(merchantId, terminalId, null, forwarding -> forwarding.answer(answer));
    }

    /** Stops telling {@code observer}; the transaction goes on at its holder. False when none has the id. */
    boolean detach(String transactionId, TransactionObserver observer) {
        for (Forwarded forwarded : byTerminal.values()) {
            TransactionRecord last = forwarded.last;
            if (last != null && last.id().equals(transactionId)) {
                forwarded.observers.remove(observer);
                return true;
            }
        }
        return false;
    }

    private CompletableFuture<TransactionRecord> route(String merchantId, String terminalId, String transactionId,
            Function<RequestForwarder.Forwarding, CompletableFuture<Void>> call) {
        Forwarded forwarded = byTerminal.get(terminalId);
        RequestForwarder.Forwarding forwarding = forwarded == null ? null : forwarded.forwarding;
        if (forwarding == null || !forwarded.request.merchantId().equals(merchantId)
                || (transactionId != null && !transactionId.equals(forwarded.last.id()))) {
            return CompletableFuture.failedFuture(new PaymentException(PaymentError.NO_ACTIVE_TRANSACTION,
                    transactionId == null ? "terminal " + terminalId + " runs no transaction"
                            : "transaction " + transactionId + " is not running on terminal " + terminalId));
        }
        return call.apply(forwarding).thenApply(done -> forwarded.last);
    }

    /** Sends to {@code holder}; if it refuses as busy because the lease has just moved, tries the new holder once. */
    private CompletableFuture<TransactionRecord> send(Forwarded forwarded, TerminalPlacement.Holder holder,
            boolean mayRetry) {
        LOG.debug("forwarding {} request {} for terminal {} to node {} at {}", forwarded.request.protocol(),
                forwarded.request.requestReference(), forwarded.terminalId, holder.nodeId(), holder.address());
        return forwarder.forward(forwarded.request, holder, forwarded).handle((forwarding, failure) -> {
            if (failure == null) {
                forwarded.started(forwarding);
                return CompletableFuture.completedFuture(forwarding.started());
            }
            PaymentException refused = PaymentException.from(failure);
            Optional<TerminalPlacement.Holder> now = placement.holder(forwarded.terminalId);
            boolean moved = refused.error() == PaymentError.TERMINAL_ELSEWHERE
                    || refused.error() == PaymentError.TERMINAL_BUSY;
            if (mayRetry && moved && now.isPresent() && !now.get().equals(holder)) {
                LOG.info("node {} refused terminal {} ({}); its lease moved to node {}, trying there", holder.nodeId(),
                        forwarded.terminalId, refused.getMessage(), now.get().nodeId());
                return send(forwarded, now.get(), false);
            }
            byTerminal.remove(forwarded.terminalId, forwarded);
            onEnded.run();
            return CompletableFuture.<TransactionRecord>failedFuture(refused);
        }).thenCompose(sent -> sent);
    }

    /** One forwarded transaction: relays what the holder reports to this node's observers. */
    private final class Forwarded implements RequestForwarder.ForwardListener {

        private final PaymentRequest request;
        private final String terminalId;
        private final List<TransactionObserver> observers = new CopyOnWriteArrayList<>();
        private volatile RequestForwarder.Forwarding forwarding;
        /** The transaction as last reported; set by the first report. */
        private volatile TransactionRecord last;
        /** The answer once given; an observer joining after it hears it at once. */
        private volatile TransactionRecord settled;

        Forwarded(PaymentRequest request, String terminalId, TransactionObserver observer) {
            this.request = request;
            this.terminalId = terminalId;
            observers.add(observer);
        }

        void started(RequestForwarder.Forwarding started) {
            if (last == null) {
                last = started.started();
            }
            forwarding = started;
        }

        /** Whoever removes an observer tells it the answer: exactly once, however a join and the end race. */
        void join(TransactionObserver observer) {
            observers.add(observer);
            TransactionRecord answer = settled;
            if (answer != null && observers.remove(observer)) {
                reads.execute(() -> Notify.safely(observer, o -> o.onCompleted(answer)));
            }
        }

        boolean sameMessage(PaymentRequest other) {
            return request.merchantId().equals(other.merchantId()) && request.protocol().equals(other.protocol())
                    && Objects.equals(request.requestReference(), other.requestReference());
        }

        @Override
        public void onStatus(TransactionRecord transaction, TerminalStatus status) {
            last = transaction;
            observers.forEach(o -> Notify.safely(o, x -> x.onStatus(transaction, status)));
        }

        @Override
        public void onAction(TransactionRecord transaction, TerminalAction action) {
            last = transaction;
            observers.forEach(o -> Notify.safely(o, x -> x.onAction(transaction, action)));
        }

        @Override
        public void onFinal(TransactionRecord transaction) {
            reads.execute(() -> TransactionMdc.run(transaction.id(), () -> complete(journaled(transaction.id())
                    .filter(r -> r.isFinal() || r.state() == TransactionState.UNKNOWN).orElse(transaction))));
        }

        @Override
        public void onLinkLost(TransactionRecord lastKnown, String why) {
            reads.execute(() -> TransactionMdc.run(lastKnown.id(), () -> {
                Optional<TransactionRecord> stored = journaled(lastKnown.id()).filter(TransactionRecord::isFinal);
                if (stored.isPresent()) {
                    complete(stored.get());
                    return;
                }
                LOG.warn("transaction {} goes on at the node that drives terminal {}, but the link to it was lost "
                        + "({}); its POS is told the outcome is not known here", lastKnown.id(), terminalId, why);
                complete(lastKnown.withOutcome(TransactionOutcome.of(TransactionResult.UNKNOWN, LINK_LOST),
                        lastKnown.captured(), clock.instant()));
            }));
        }

        private Optional<TransactionRecord> journaled(String id) {
            try {
                return store.findById(id);
            } catch (RuntimeException e) {
                LOG.warn("transaction {} could not be read back from the journal: {}", id, e.getMessage());
                return Optional.empty();
            }
        }

        private void complete(TransactionRecord settled) {
            last = settled;
            this.settled = settled;
            byTerminal.remove(terminalId, this);
            for (TransactionObserver observer : observers) {
                if (observers.remove(observer)) {
                    Notify.safely(observer, o -> o.onCompleted(settled));
                }
            }
            onEnded.run();
        }
    }
}
