package io.tillgate.p3.node;

import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.service.PaymentError;
import io.tillgate.core.service.PaymentException;
import io.tillgate.core.service.PaymentRequest;
import io.tillgate.core.service.RequestForwarder;
import io.tillgate.core.terminal.ActionAnswer;
import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalPhase;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.p3.codec.AbortTransactionRequest;
import io.tillgate.p3.codec.ExecuteTransactionAction;
import io.tillgate.p3.codec.ExecuteTransactionRequest;
import io.tillgate.p3.codec.ExecuteTransactionResponse;
import io.tillgate.p3.codec.ExecuteTransactionUpdate;
import io.tillgate.p3.codec.P3Body;
import io.tillgate.p3.codec.P3Error;
import io.tillgate.p3.codec.P3ErrorType;
import io.tillgate.p3.codec.P3Message;
import io.tillgate.p3.codec.SubmitSignatureRequest;
import io.tillgate.p3.codec.TransactionParameters;
import io.tillgate.p3.server.P3ProcessState;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * One request forwarded on a {@link NodeLink}: sends it, completes {@code started} with the holder's
 * first report, then relays its progress, action and answer, in the order the holder sent them, and
 * carries the POS's abort and signature back. Runs on the link's event loop.
 */
final class ForwardedCall implements NodeLink.Call, RequestForwarder.Forwarding {

    private final NodeLink link;
    private final String tag;
    private final PaymentRequest request;
    private final String nodeId;
    private final RequestForwarder.ForwardListener listener;
    private final CompletableFuture<RequestForwarder.Forwarding> started;
    private final Clock clock;
    private volatile TransactionRecord first;
    private volatile TransactionRecord last;
    private volatile TerminalStatus lastStatus;

    ForwardedCall(NodeLink link, String tag, PaymentRequest request, String nodeId,
            RequestForwarder.ForwardListener listener, CompletableFuture<RequestForwarder.Forwarding> started,
            Clock clock) {
        this.link = link;
        this.tag = tag;
        this.request = request;
        this.nodeId = nodeId;
        this.listener = listener;
        this.started = started;
        this.clock = clock;
    }

    /**
     * The EXECUTE_TRANSACTION_REQUEST that carries the request, with who really sent it in its metadata. A
     * refund or capture goes the same way, typed {@code REFUND} or {@code CAPTURE} (docs/protocols/p3.md
     * §3.11): unlike an amend, its updates and answer carry the follow-on transaction itself, which this
     * node follows by its id, and it can name the device an unlinked refund runs on.
     */
    P3Message request() {
        PaymentCommand command = request.command();
        TransactionParameters.Builder parameters = TransactionParameters.builder()
                .type(type(command.kind()))
                .subject(command.subject())
                .customIdentifier(command.reference())
                .referencedTransactionIdentifier(command.originalTransactionId())
                .metadata(ForwardedFields.of(request).toMetadata());
        if (command.kind() == PaymentKind.SALE || command.kind() == PaymentKind.PREAUTH) {
            parameters.autoCapture(command.kind() == PaymentKind.SALE);
        }
        if (command.amount() != null) {
            parameters.amount(command.amount().toMajor()).currency(command.amount().currency().getCurrencyCode());
        }
        return P3Message.request(ExecuteTransactionRequest.of("ONLINE", parameters.build()), tag,
                P3Message.deviceResource(request.terminalId()));
    }

    private static String type(PaymentKind kind) {
        return switch (kind) {
            case SALE, PREAUTH -> "CHARGE";
            case REFUND -> "REFUND";
            case CAPTURE -> "CAPTURE";
            case REVERSAL -> throw new IllegalArgumentException("a reversal is not forwarded between nodes");
        };
    }

    @Override
    public void onMessage(P3Message message) {
        P3Body body = message.body();
        if (body instanceof ExecuteTransactionUpdate update) {
            TransactionRecord record = report(update.transaction());
            TerminalStatus status = new TerminalStatus(P3ProcessState.phaseOf(update.stateDetails())
                    .orElse(TerminalPhase.PROCESSING), update.information(), update.abortable());
            lastStatus = status;
            listener.onStatus(record, status);
        } else if (body instanceof ExecuteTransactionAction action) {
            TransactionRecord record = report(action.transaction());
            TerminalStatus status = lastStatus;
            listener.onAction(record, new TerminalAction(TerminalAction.Type.SIGNATURE,
                    status == null ? "" : status.display().get(0)));
        } else if (body instanceof ExecuteTransactionResponse response && response.transaction() != null) {
            link.done(tag);
            listener.onFinal(report(response.transaction()));
        } else if (message.isError() && !started.isDone()) {
            link.done(tag);
            started.completeExceptionally(refusal(message.error()));
        } else {
            // An answer without the transaction: nothing here can say how it ended.
            link.done(tag);
            if (last != null) {
                listener.onLinkLost(last, "node " + nodeId + " answered " + message.type() + " without the "
                        + "transaction" + (message.error() == null ? "" : ": " + message.error().type()));
            }
        }
    }

    @Override
    public void onLost(String why) {
        if (!started.isDone()) {
            started.completeExceptionally(new PaymentException(PaymentError.INTERNAL, "the link to node " + nodeId
                    + " was lost before it answered (" + why + "); the payment may have started there: query it "
                    + "by its request reference before trying again"));
        } else if (last != null) {
            listener.onLinkLost(last, why);
        }
    }

    private TransactionRecord report(io.tillgate.p3.codec.P3Transaction transaction) {
        TransactionRecord record = P3Records.of(request, request.terminalId(), transaction, clock.instant());
        last = record;
        if (first == null) {
            first = record;
            started.complete(this);
        }
        return record;
    }

    @Override
    public TransactionRecord started() {
        return first;
    }

    @Override
    public CompletableFuture<Void> abort() {
        return ask(P3Message.request(new AbortTransactionRequest(first.id()), link.nextTag(),
                P3Message.deviceResource(request.terminalId())));
    }

    @Override
    public CompletableFuture<Void> answer(ActionAnswer answer) {
        if (!(answer instanceof ActionAnswer.Signature signature)) {
            return CompletableFuture.failedFuture(new PaymentException(PaymentError.UNSUPPORTED, "terminal "
                    + request.terminalId() + " is driven by node " + nodeId + ", which is asked a signature only; "
                    + "answer with the signature"));
        }
        SubmitSignatureRequest body = signature.onReceipt() ? SubmitSignatureRequest.onReceipt()
                : SubmitSignatureRequest.digital(Base64.getEncoder().encodeToString(signature.png()));
        return ask(P3Message.request(body, link.nextTag(), P3Message.deviceResource(request.terminalId())));
    }

    /** Sends an abort or a signature; completes with the holder's OK, or fails with its refusal. */
    private CompletableFuture<Void> ask(P3Message message) {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        link.send(message, new NodeLink.Call() {
            @Override
            public void onMessage(P3Message answer) {
                link.done(message.tag());
                if (answer.isError()) {
                    answered.completeExceptionally(refusal(answer.error()));
                } else {
                    answered.complete(null);
                }
            }

            @Override
            public void onLost(String why) {
                answered.completeExceptionally(new PaymentException(PaymentError.INTERNAL, "the link to node "
                        + nodeId + " was lost (" + why + ")"));
            }
        });
        return answered;
    }

    /** The holder's P3 refusal in the core's terms, with its reason. */
    private PaymentException refusal(P3Error error) {
        PaymentError type = switch (error.knownType().orElse(P3ErrorType.INTERNAL_INCONSISTENCY)) {
            case ACCESSORY_NOT_FOUND -> PaymentError.UNKNOWN_TERMINAL;
            case TRANSACTION_BUSY -> PaymentError.TERMINAL_BUSY;
            case PARAMETER_MISSING, PARAMETER_INVALID -> PaymentError.INVALID_REQUEST;
            case TRANSACTION_REFERENCE_NOT_FOUND -> PaymentError.NO_ACTIVE_TRANSACTION;
            case TRANSACTION_NO_LONGER_ABORTABLE -> PaymentError.NOT_ABORTABLE;
            case TRANSACTION_ACTION_ERROR -> PaymentError.NO_PENDING_ACTION;
            case SERVER_AUTHENTICATION_FAILED, INTERNAL_INCONSISTENCY -> PaymentError.INTERNAL;
        };
        return new PaymentException(type, "node " + nodeId + ": " + (error.developerMessage() != null
                ? error.developerMessage() : error.message()));
    }
}
