package io.tillgate.concert.frontend;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.util.concurrent.ScheduledFuture;
import io.tillgate.concert.codec.ActionStatus;
import io.tillgate.concert.codec.ConcertDecodingException;
import io.tillgate.concert.codec.ConcertRequest;
import io.tillgate.concert.codec.StatusComplement;
import io.tillgate.concert.codec.TlvMessage;
import io.tillgate.concert.netty.ConcertFrameTooLongException;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.service.PaymentException;
import io.tillgate.core.service.PaymentRequest;
import io.tillgate.core.service.ReferenceRule;
import io.tillgate.core.service.TransactionObserver;
import io.tillgate.core.terminal.ActionAnswer;
import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalEvent;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.net.SocketAddress;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cash-register connection: one request, one answer, then close (docs/protocols/concert.md §10). Validation
 * answers at once; a transaction is handed to the {@code PaymentService} and answered when its
 * outcome is durable. Nothing here blocks the event loop: the service's callbacks hop back onto it.
 */
final class ConcertSession extends SimpleChannelInboundHandler<TlvMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(ConcertSession.class);

    static final String PROTOCOL = "CONCERT";

    private final ConcertFrontEndContext context;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> idle;
    private boolean requested;
    private boolean answered;

    ConcertSession(ConcertFrontEndContext context) {
        this.context = context;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        idle = ctx.executor().schedule(this::idleTimeout, context.config().idleTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TlvMessage tlv) {
        if (requested) {
            return;
        }
        requested = true;
        cancelIdle();
        ConcertRequest request;
        try {
            request = ConcertRequest.from(tlv);
        } catch (ConcertDecodingException e) {
            LOG.warn("Concert request from {} for terminal {} refused: {}", remote(), terminalId(), e.getMessage());
            answer(ConcertAnswers.refusal(tlv, refusalFor(e.problem())));
            return;
        }
        if (request.amount() != null && !context.config().currencies().contains(request.amount().currency())) {
            LOG.warn("Concert request from {} for terminal {} refused: currency {} is not accepted", remote(),
                    terminalId(), request.amount().currency());
            answer(ConcertAnswers.refusal(tlv, StatusComplement.CURRENCY_NOT_SUPPORTED));
            return;
        }
        if (request.amount() != null && !request.amount().isPositive()) {
            LOG.warn("Concert request from {} for terminal {} refused: CB is zero", remote(), terminalId());
            answer(ConcertAnswers.refusal(tlv, StatusComplement.FORMAT_ERROR));
            return;
        }
        switch (request.action()) {
            case IDENTIFICATION -> identify(tlv);
            case DEBIT -> run(tlv, request, PaymentCommand.sale(request.amount(), request.privateData(), null));
            case CREDIT -> run(tlv, request,
                    PaymentCommand.unlinkedRefund(request.amount(), request.privateData(), null));
            case CANCELLATION -> cancel(tlv, request);
            default -> {
                LOG.warn("Concert request from {} for terminal {} refused: action {} is not supported", remote(),
                        terminalId(), request.action());
                answer(ConcertAnswers.refusal(tlv, StatusComplement.UNKNOWN_ACTION));
            }
        }
    }

    /** A terminal in the middle of a payment answers every other request busy (docs/protocols/concert.md §6). */
    private void identify(TlvMessage tlv) {
        if (context.payments().runningTransaction(terminalId()).isPresent()) {
            answer(ConcertAnswers.refusal(tlv, StatusComplement.NOT_COMPLETED));
        } else {
            answer(ConcertAnswers.status(tlv, ActionStatus.PERFORMED));
        }
    }

    /**
     * A Concert cancellation names no transaction: it cancels the last one this front-end
     * approved, and only when the amount matches, so a stale request cannot void another sale.
     */
    private void cancel(TlvMessage tlv, ConcertRequest request) {
        TransactionRecord last = context.lastApprovedSale();
        Money approved = last == null ? null
                : last.outcome().approvedAmount() != null ? last.outcome().approvedAmount() : last.amount();
        if (last == null || !approved.equals(request.amount())) {
            LOG.warn("Concert cancellation of {} on terminal {} refused: the last approved sale is {}",
                    request.amount(), terminalId(), last == null ? "none" : last.id() + " of " + approved);
            answer(ConcertAnswers.refusal(tlv, StatusComplement.NOT_COMPLETED));
            return;
        }
        run(tlv, request, new PaymentCommand(PaymentKind.REVERSAL, request.amount(), request.privateData(), last.id(),
                null));
    }

    /**
     * Concert has no message identity (a request resent is a new connection with the same bytes);
     * {@code CF}, the private data the register sends and the terminal echoes, is its order number.
     */
    private void run(TlvMessage tlv, ConcertRequest request, PaymentCommand command) {
        Observer observer = new Observer(tlv, request);
        PaymentRequest payment = new PaymentRequest(context.config().merchantId(), terminalId(), PROTOCOL, null,
                command, ReferenceRule.ORDER_NUMBER, ctx.channel().eventLoop());
        context.payments().execute(payment, observer).whenComplete((started, failure) -> {
            if (failure != null) {
                onLoop(() -> refused(tlv, PaymentException.from(failure)));
            } else if (request.immediate()) {
                LOG.debug("transaction {} acknowledged at once (BA=1) to {}", started.id(), remote());
                onLoop(() -> answer(ConcertAnswers.status(tlv, ActionStatus.ACKNOWLEDGED)));
            }
        });
    }

    private void refused(TlvMessage tlv, PaymentException e) {
        StatusComplement reason = switch (e.error()) {
            case TERMINAL_BUSY, TERMINAL_ELSEWHERE, SHUTTING_DOWN, INVALID_REQUEST, REFERENCE_NOT_FOUND, IDEMPOTENCY_CONFLICT,
                    REFERENCE_UNRESOLVED -> StatusComplement.NOT_COMPLETED;
            case UNSUPPORTED -> StatusComplement.UNKNOWN_ACTION;
            default -> StatusComplement.UNKNOWN;
        };
        LOG.warn("Concert request from {} on terminal {} refused by the gateway ({}): {}", remote(), terminalId(),
                e.error(), e.getMessage());
        answer(ConcertAnswers.refusal(tlv, reason));
    }

    private void completed(TlvMessage tlv, ConcertRequest request, TransactionRecord transaction, boolean drop) {
        if (!request.immediate() && !ctx.channel().isActive()) {
            LOG.warn("transaction {} on terminal {} ended {}, but cash register {} left before the answer",
                    transaction.id(), terminalId(), transaction.state(), remote());
        }
        if (request.immediate()) {
            LOG.debug("transaction {} (acknowledged at once) ended {}", transaction.id(), transaction.state());
            return;
        }
        if (transaction.state() == TransactionState.UNKNOWN) {
            // Concert has no way to say "unknown": saying nothing lets the cash register know it too.
            LOG.warn("transaction {} on terminal {} is UNKNOWN ({}); closing the connection to {} without an answer",
                    transaction.id(), terminalId(), transaction.outcome().reason(), remote());
            ctx.close();
            return;
        }
        if (drop) {
            LOG.warn("transaction {} on terminal {} ended {} but the connection to {} is dropped before the answer"
                    + " (simulated)", transaction.id(), terminalId(), transaction.state(), remote());
            ctx.close();
            return;
        }
        if (transaction.kind() == PaymentKind.SALE && transaction.outcome().result() == TransactionResult.APPROVED) {
            context.approved(transaction);
        } else if (transaction.kind() == PaymentKind.REVERSAL && transaction.state() == TransactionState.APPROVED) {
            context.reversed(transaction.originalTransactionId());
        }
        LOG.debug("transaction {} on terminal {} answered {} to {}", transaction.id(), terminalId(),
                transaction.state(), remote());
        answer(ConcertAnswers.outcome(tlv, transaction, context.config().contractNumber(),
                context.tickets().tickets(request.tickets(), transaction)));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!ctx.channel().isActive()) {
            // The connection is gone (idle timeout, or the cash register left mid-request): nobody to answer.
            LOG.debug("Concert connection from {} for terminal {} ended with {}", remote(), terminalId(),
                    cause.toString());
        } else if (cause instanceof DecoderException && cause.getCause() instanceof ConcertDecodingException e) {
            LOG.warn("unreadable Concert request from {} for terminal {}: {}", remote(), terminalId(), e.getMessage());
            requested = true;
            answer(ConcertAnswers.refusal(null, StatusComplement.FORMAT_ERROR));
        } else if (cause instanceof ConcertFrameTooLongException) {
            LOG.warn("Concert request from {} for terminal {} refused: {}", remote(), terminalId(), cause.getMessage());
            requested = true;
            answer(ConcertAnswers.refusal(null, StatusComplement.FORMAT_ERROR));
        } else {
            LOG.warn("Concert connection from {} for terminal {} failed: {}", remote(), terminalId(), cause.toString());
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelIdle();
        if (requested && !answered) {
            LOG.debug("cash register {} left before its answer on terminal {}", remote(), terminalId());
        }
        ctx.fireChannelInactive();
    }

    /** Answers in one write, then closes: the protocol's one request per connection. */
    private void answer(TlvMessage answer) {
        if (answered || !ctx.channel().isActive()) {
            return;
        }
        answered = true;
        ctx.writeAndFlush(answer).addListener(written -> {
            if (!written.isSuccess()) {
                LOG.warn("Concert answer to {} on terminal {} could not be written: {}", remote(), terminalId(),
                        written.cause().toString());
            }
            ctx.close();
        });
    }

    private void idleTimeout() {
        if (!requested) {
            LOG.warn("Concert connection from {} for terminal {} sent no whole request within {}; closing", remote(),
                    terminalId(), context.config().idleTimeout());
            ctx.close();
        }
    }

    private void cancelIdle() {
        if (idle != null) {
            idle.cancel(false);
            idle = null;
        }
    }

    /** Runs gateway callbacks on the connection's event loop; after shutdown there is nobody to tell. */
    private void onLoop(Runnable task) {
        try {
            ctx.executor().execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("Concert front-end for terminal {} is closed; {} is not told", terminalId(), remote());
        }
    }

    private static StatusComplement refusalFor(ConcertDecodingException.Problem problem) {
        return switch (problem) {
            case UNKNOWN_ACTION -> StatusComplement.UNKNOWN_ACTION;
            case UNKNOWN_CURRENCY -> StatusComplement.CURRENCY_NOT_SUPPORTED;
            case MALFORMED, MISSING_TAG, INVALID_VALUE -> StatusComplement.FORMAT_ERROR;
        };
    }

    private String terminalId() {
        return context.config().terminalId();
    }

    private SocketAddress remote() {
        return ctx.channel().remoteAddress();
    }

    /** Follows one transaction for this connection; hops every callback onto the channel's loop. */
    private final class Observer implements TransactionObserver {
        private final TlvMessage tlv;
        private final ConcertRequest request;
        /** Written on a gateway thread, read on the event loop after the completion hop. */
        private volatile boolean drop;

        Observer(TlvMessage tlv, ConcertRequest request) {
            this.tlv = tlv;
            this.request = request;
        }

        @Override
        public void onStatus(TransactionRecord transaction, TerminalStatus status) {
        }

        /**
         * Concert cannot ask the cash register anything. A signature is what a Concert terminal
         * handles itself, on the merchant ticket; any other question is left to the gateway's timeout.
         */
        @Override
        public void onAction(TransactionRecord transaction, TerminalAction action) {
            if (action.type() != TerminalAction.Type.SIGNATURE) {
                LOG.warn("transaction {} on terminal {} asks for {}, which Concert cannot relay", transaction.id(),
                        terminalId(), action.type());
                return;
            }
            // Not from inside the terminal's own callback: it is still setting up the wait for this answer.
            onLoop(() -> context.payments().answer(context.config().merchantId(), terminalId(),
                    ActionAnswer.Signature.signedOnReceipt()).whenComplete((ignored, failure) -> {
                        if (failure != null) {
                            LOG.warn("transaction {} on terminal {}: signature on the ticket not accepted: {}",
                                    transaction.id(), terminalId(), PaymentException.from(failure).getMessage());
                        }
                    }));
        }

        @Override
        public void onEvent(TransactionRecord transaction, TerminalEvent event) {
            if (event.type() == TerminalEvent.Type.DROP_POS_CONNECTION) {
                drop = true;
            }
        }

        @Override
        public void onCompleted(TransactionRecord transaction) {
            onLoop(() -> completed(tlv, request, transaction, drop));
        }
    }
}
