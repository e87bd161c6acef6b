package io.tillgate.core.service;

import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.text.PeerText;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.core.transaction.TransactionStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which earlier transaction a request names: the one its message identity (P3 tag, IPP SID, nexo
 * SaleID + ServiceID) started, or, as {@link ReferenceRule} says, one with its POS reference. Reads
 * the running transactions and the store; the caller decides under its admission lock, so two
 * requests with one identity never both start a transaction on this node.
 */
final class IdempotencyKeys {

    /** An earlier transaction the request names; {@link #named()} says by what, for logs and errors. */
    sealed interface Earlier {
        String named();
    }

    /** A transaction that still runs here: the request joins it. */
    record Running(ActiveTransaction active, String named) implements Earlier {
    }

    /** A recorded transaction: the request is answered from the journal. */
    record Stored(TransactionRecord record, String named) implements Earlier {
    }

    private final TransactionStore store;
    private final RunningTransactions running;
    /** Whether another node of the cluster drives the terminal; never, on a gateway of its own. */
    private final Predicate<String> drivenElsewhere;

    IdempotencyKeys(TransactionStore store, RunningTransactions running, Predicate<String> drivenElsewhere) {
        this.store = store;
        this.running = running;
        this.drivenElsewhere = drivenElsewhere;
    }

    /**
     * Whether a recorded transaction is still running on another node of the cluster: not final,
     * not yet UNKNOWN, and its terminal driven elsewhere. On a single gateway, or on the terminal's
     * own node, such a row is what a crash left for recovery.
     */
    boolean runsElsewhere(TransactionRecord stored) {
        return !stored.isFinal() && stored.state() != TransactionState.UNKNOWN
                && drivenElsewhere.test(stored.terminalId());
    }

    /**
     * The earlier transaction the request names, if any, with the same parameters; empty when it
     * starts a new one.
     *
     * @param horizon transactions created before it are no longer named again
     * @throws PaymentException when the request names an earlier transaction with other parameters,
     *     or its reference is busy or unresolved
     */
    Optional<Earlier> earlier(PaymentRequest request, Instant horizon) {
        Optional<Earlier> earlier = sameMessage(request, horizon);
        if (earlier.isEmpty() && request.command().reference() != null) {
            earlier = sameReference(request, horizon);
        }
        earlier.ifPresent(e -> requireSameParameters(e instanceof Running r ? r.active().record()
                : ((Stored) e).record(), request, e.named()));
        return earlier;
    }

    /** The transaction this message started, if it is the same message sent again. */
    private Optional<Earlier> sameMessage(PaymentRequest request, Instant horizon) {
        if (request.requestReference() == null) {
            return Optional.empty();
        }
        String message = request.protocol() + " request " + PeerText.clip(request.requestReference());
        ActiveTransaction active = running.forMessage(request.merchantId(), request.protocol(),
                request.requestReference());
        if (active != null) {
            return Optional.of(new Running(active, message));
        }
        return store.findByRequestReference(request.merchantId(), request.protocol(), request.requestReference())
                .filter(stored -> stored.createdAt().isAfter(horizon))
                .map(stored -> new Stored(stored, message));
    }

    /**
     * What the POS reference decides (see {@link ReferenceRule}): a transaction of the same kind
     * with it that runs, that nobody knows the outcome of, or, for P3, that was approved.
     */
    private Optional<Earlier> sameReference(PaymentRequest request, Instant horizon) {
        PaymentCommand command = request.command();
        String reference = "reference '" + PeerText.clip(command.reference()) + "'";
        boolean retryReturnsApproval = request.referenceRule() == ReferenceRule.RETRY_RETURNS_APPROVAL;
        ActiveTransaction active = running.withReference(request.merchantId(), command.kind(), command.reference());
        if (active != null) {
            if (retryReturnsApproval) {
                return Optional.of(new Running(active, reference));
            }
            TransactionRecord busy = active.record();
            throw new PaymentException(PaymentError.TERMINAL_BUSY, "transaction " + busy.id() + " with "
                    + reference + " is still running on terminal " + busy.terminalId());
        }
        List<TransactionRecord> earlier = store.findByReference(request.merchantId(), command.reference(), horizon)
                .stream().filter(r -> r.kind() == command.kind()).toList();
        for (TransactionRecord unresolved : earlier) {
            if (runsElsewhere(unresolved)) {
                if (retryReturnsApproval) {
                    return Optional.of(new Stored(unresolved, reference));
                }
                throw new PaymentException(PaymentError.TERMINAL_BUSY, "transaction " + unresolved.id() + " with "
                        + reference + " is still running on terminal " + unresolved.terminalId()
                        + ", driven by another node of the cluster");
            }
            if (!unresolved.isFinal()) {
                throw new PaymentException(PaymentError.REFERENCE_UNRESOLVED, "transaction " + unresolved.id()
                        + " with " + reference + " (" + describe(unresolved) + ") has an unknown outcome, so the "
                        + "customer may already have paid; an operator must resolve it (tillgate journal resolve "
                        + unresolved.id() + ") before the reference takes a new " + command.kind());
            }
        }
        if (retryReturnsApproval) {
            for (TransactionRecord approved : earlier) {
                if (approved.state() == TransactionState.APPROVED) {
                    return Optional.of(new Stored(approved, reference));
                }
            }
        }
        return Optional.empty();
    }

    private static void requireSameParameters(TransactionRecord existing, PaymentRequest request, String named) {
        PaymentCommand command = request.command();
        boolean same = existing.kind() == command.kind()
                && (command.amount() == null || existing.amount().equals(command.amount()))
                && (request.terminalId() == null || existing.terminalId().equals(request.terminalId()))
                && Objects.equals(existing.originalTransactionId(), command.originalTransactionId());
        if (!same) {
            throw new PaymentException(PaymentError.IDEMPOTENCY_CONFLICT, named + " already named transaction "
                    + existing.id() + " (" + describe(existing) + "), and this request differs from it");
        }
    }

    static String describe(TransactionRecord record) {
        return record.kind() + " " + record.amount() + " on " + record.terminalId();
    }
}
