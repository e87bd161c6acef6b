package io.tillgate.ipp.frontend.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import io.tillgate.core.service.PaymentError;
import io.tillgate.core.service.PaymentException;
import io.tillgate.core.service.PaymentService;
import io.tillgate.ipp.codec.IppCodec;
import io.tillgate.ipp.codec.IppDecodingException;
import io.tillgate.ipp.codec.IppMessage;
import io.tillgate.ipp.codec.IppMethod;
import io.tillgate.ipp.codec.IppNames;
import io.tillgate.ipp.codec.IppProperties;
import io.tillgate.ipp.codec.IppRequest;
import io.tillgate.ipp.codec.IppResponse;
import io.tillgate.ipp.codec.IppStage;
import io.tillgate.ipp.codec.IppStatus;
import io.tillgate.ipp.frontend.IppFrontEndConfig;
import io.tillgate.ipp.netty.IppDecodeFailure;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One POS connection to the emulated terminal (docs/protocols/ipp.md §14): any number of requests, one after the
 * other; payments become {@link TransactionSession}s, the rest is answered here.
 */
public final class IppConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(IppConnectionHandler.class);

    /** What a terminal with firmware speaking IPP 2.2 reports as CURRENT_VERSION. */
    private static final int CURRENT_VERSION = 202;
    /** Echoed when a frame too broken to read carried no usable METHOD or SID. */
    private static final String UNREADABLE = "UNKNOWN";

    private final IppFrontEndConfig config;
    private final PaymentService payments;
    private final TerminalLedger ledger;
    private final RequestMapper mapper;

    private IppConnectionHandler(IppFrontEndConfig config, PaymentService payments, TerminalLedger ledger) {
        this.config = config;
        this.payments = payments;
        this.ledger = ledger;
        this.mapper = new RequestMapper(config, payments, ledger);
    }

    /** Makes a handler per connection; all of them share one emulated terminal. */
    public static java.util.function.Supplier<IppConnectionHandler> factory(IppFrontEndConfig config,
            PaymentService payments) {
        TerminalLedger ledger = new TerminalLedger();
        return () -> new IppConnectionHandler(config, payments, ledger);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof IppDecodeFailure failure) {
            LOG.warn("IPP terminal {}: bad frame from {}: {} → STATUS {}", config.terminalId(),
                    ctx.channel().remoteAddress(), failure.cause().getMessage(), failure.cause().answer().code());
            reject(ctx, orUnreadable(failure.method()), orUnreadable(failure.sid()), IppMessage.DEFAULT_VERSION,
                    failure.cause().answer());
        } else if (msg instanceof IppRequest request) {
            try {
                dispatch(ctx, request);
            } catch (IppDecodingException e) {
                LOG.warn("IPP terminal {}: {} {} refused: {}", config.terminalId(), request.methodCode(),
                        request.sid(), e.getMessage());
                reject(ctx, request, e.answer());
            }
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException) {
            // The length header is broken: the stream cannot be resynchronised.
            LOG.warn("IPP terminal {}: unreadable stream from {}: {}; closing", config.terminalId(),
                    ctx.channel().remoteAddress(), cause.getMessage());
            ctx.writeAndFlush(new IppResponse(IppResponse.start(UNREADABLE, IppMessage.DEFAULT_VERSION, UNREADABLE,
                    IppStage.CHECK_REQUEST, IppStatus.SYNTAX_ERROR).build())).addListener(f -> ctx.close());
        } else {
            LOG.warn("IPP terminal {}: connection from {} failed; closing", config.terminalId(),
                    ctx.channel().remoteAddress(), cause);
            ctx.close();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            LOG.debug("IPP terminal {}: closing idle connection from {}", config.terminalId(),
                    ctx.channel().remoteAddress());
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    private void dispatch(ChannelHandlerContext ctx, IppRequest request) {
        if (request.isCancel()) {
            cancel(ctx, request);
            return;
        }
        if (request.stage() == IppStage.HOST_RELAY) {
            relayed(request);
            return;
        }
        if (request.stage() != null) {
            throw new IppDecodingException(IppNames.STAGE, "a request carries only STAGE 4 or 101, not "
                    + request.stage().code(), IppStatus.UNSUPPORTED_PARAMETER);
        }
        IppMethod method = request.method();
        if (RequestMapper.isFinancial(method)) {
            payment(ctx, request);
            return;
        }
        switch (method) {
            case COMPLETE_TX -> completeTransaction(ctx, request);
            case GET_STATUS -> status(ctx, request);
            case GET_CERTIFICATE -> certificate(ctx, request);
            case PING -> ping(ctx, request);
            default -> reject(ctx, request, IppStatus.UNSUPPORTED_METHOD);
        }
    }

    private void payment(ChannelHandlerContext ctx, IppRequest request) {
        LastTransaction last = ledger.last();
        if (last != null && last.status() != null && last.sid().equals(request.sid())
                && last.method().code().equals(request.methodCode())) {
            // The same message again (docs/protocols/identity.md): the POS lost the answer. A terminal
            // repeats its STAGE 5, trace number and all; it neither runs the card again nor asks
            // for COMPLETE_TX first, which is still due if it was.
            LOG.info("IPP terminal {}: {} {} sent again; STAGE 5 of transaction {} repeated", config.terminalId(),
                    request.methodCode(), request.sid(), last.record().id());
            send(ctx, request, IppStage.OUTCOME, last.status(), props -> props.putAll(last.fields()));
            return;
        }
        TransactionSession session = new TransactionSession(config, payments, ledger, ctx.channel(), request);
        switch (ledger.admit(session)) {
            case BUSY -> {
                LOG.warn("IPP terminal {}: {} {} refused, a transaction is running", config.terminalId(),
                        request.methodCode(), request.sid());
                reject(ctx, request, IppStatus.BUSY);
                return;
            }
            case LAST_NOT_COMPLETED -> {
                LOG.warn("IPP terminal {}: {} {} refused, last transaction {} awaits COMPLETE_TX", config.terminalId(),
                        request.methodCode(), request.sid(), ledger.last().sid());
                reject(ctx, request, IppStatus.LAST_TRANSACTION_NOT_COMPLETED);
                return;
            }
            case ADMITTED -> {
            }
        }
        EventLoop loop = ctx.channel().eventLoop();
        mapper.map(request).thenCompose(payment -> payments.execute(payment.withAffinity(loop), session))
                .whenComplete((record, failure) -> loop.execute(() -> {
                    if (failure == null) {
                        session.started(record);
                        return;
                    }
                    ledger.release(session);
                    IppStatus status = statusFor(failure);
                    LOG.warn("IPP terminal {}: {} {} refused: {} → STATUS {}", config.terminalId(),
                            request.methodCode(), request.sid(), unwrap(failure).getMessage(), status.code());
                    reject(ctx, request, status);
                }));
    }

    private void cancel(ChannelHandlerContext ctx, IppRequest request) {
        TransactionSession running = ledger.running();
        String transactionId = running == null ? null : running.transactionId();
        if (transactionId == null || !running.method().code().equals(request.methodCode())) {
            reject(ctx, request, IppStatus.TRANSACTION_NOT_FOUND);
            return;
        }
        payments.abort(config.merchantId(), config.terminalId(), transactionId)
                .whenComplete((record, failure) -> ctx.channel().eventLoop().execute(() -> {
                    if (failure == null) {
                        LOG.debug("IPP terminal {}: cancel {} requested for transaction {}", config.terminalId(),
                                request.sid(), transactionId);
                        send(ctx, request, IppStage.CHECK_REQUEST, IppStatus.OK, props -> { });
                    } else {
                        LOG.warn("IPP terminal {}: cancel {} of transaction {} refused: {}", config.terminalId(),
                                request.sid(), transactionId, unwrap(failure).getMessage());
                        reject(ctx, request, IppStatus.BUSY);
                    }
                }));
    }

    private void relayed(IppRequest reply) {
        TransactionSession running = ledger.relaying();
        if (running == null || !running.sid().equals(reply.sid())) {
            LOG.warn("IPP terminal {}: STAGE 4 reply for {} matches no running transaction", config.terminalId(),
                    reply.sid());
            return;
        }
        running.channel().eventLoop().execute(() -> running.relayAnswered(reply));
    }

    /**
     * Answered as a myPOS terminal does (docs/protocols/ipp.md §11); while a payment runs, busy as any
     * overlapping request.
     */
    private void ping(ChannelHandlerContext ctx, IppRequest request) {
        if (ledger.running() != null) {
            reject(ctx, request, IppStatus.BUSY);
            return;
        }
        send(ctx, request, IppStage.CHECK_REQUEST, IppStatus.OK, props -> props
                .text(IppNames.TIMEOUT, timeout()).integer(IppNames.CURRENT_VERSION, CURRENT_VERSION));
        send(ctx, request, IppStage.OUTCOME, IppStatus.OK, props -> { });
    }

    private void completeTransaction(ChannelHandlerContext ctx, IppRequest request) {
        String original = request.text(IppNames.SID_ORIGINAL);
        if (original == null) {
            throw new IppDecodingException(IppNames.SID_ORIGINAL, "missing");
        }
        send(ctx, request, IppStage.CHECK_REQUEST, IppStatus.OK, props -> props.text(IppNames.TIMEOUT, timeout()));
        boolean completed = ledger.complete(original);
        if (completed) {
            LOG.debug("IPP terminal {}: transaction {} completed", config.terminalId(), original);
        } else {
            LOG.warn("IPP terminal {}: COMPLETE_TX for {} which is not the last transaction", config.terminalId(),
                    original);
        }
        send(ctx, request, IppStage.OUTCOME, completed ? IppStatus.OK : IppStatus.TRANSACTION_NOT_FOUND, props -> { });
    }

    private void status(ChannelHandlerContext ctx, IppRequest request) {
        send(ctx, request, IppStage.CHECK_REQUEST, IppStatus.OK, props -> props.text(IppNames.TIMEOUT, timeout())
                .integer(IppNames.CURRENT_VERSION, CURRENT_VERSION));
        LastTransaction last = ledger.last();
        IppStatus status = ledger.running() != null ? IppStatus.BUSY
                : last != null && !last.completed() ? IppStatus.LAST_TRANSACTION_NOT_COMPLETED : IppStatus.OK;
        send(ctx, request, IppStage.OUTCOME, status, props -> {
            props.text(IppNames.TERMINAL_NAME, config.terminalId());
            if (config.hostRelay() != null && config.hostRelay().tls()) {
                props.bytes(IppNames.PRIMARY_CHAIN, Certificates.chain(config.hostRelay().certificates()));
            }
            if (last != null && status != IppStatus.BUSY) {
                props.text(IppNames.SID_ORIGINAL, last.sid())
                        .text(IppNames.LAST_TX_TYPE, OutcomeFields.lastTxType(last.record().kind()));
                if (last.status() != null) {
                    props.integer(IppNames.TX_STATUS, last.status().code());
                }
                props.putAll(last.fields());
            }
        });
    }

    private void certificate(ChannelHandlerContext ctx, IppRequest request) {
        byte[] fingerprint = request.properties().bytes(IppNames.FINGERPRINT);
        if (fingerprint == null) {
            throw new IppDecodingException(IppNames.FINGERPRINT, "missing");
        }
        send(ctx, request, IppStage.CHECK_REQUEST, IppStatus.OK, props -> props.text(IppNames.TIMEOUT, timeout()));
        byte[] der = config.hostRelay() == null ? null
                : Certificates.derByFingerprint(config.hostRelay().certificates(), fingerprint).orElse(null);
        if (der == null) {
            send(ctx, request, IppStage.OUTCOME, IppStatus.FINGERPRINT_NOT_FOUND, props -> { });
        } else {
            send(ctx, request, IppStage.OUTCOME, IppStatus.OK, props -> props.bytes(IppNames.FINGERPRINT, fingerprint)
                    .bytes(IppNames.CERT, IppCodec.lengthPrefixed(der, true)));
        }
    }

    private void send(ChannelHandlerContext ctx, IppRequest request, IppStage stage, IppStatus status,
            java.util.function.Consumer<IppProperties.Builder> extra) {
        IppProperties.Builder props = IppResponse.start(request.methodCode(), request.version(), request.sid(), stage,
                status);
        extra.accept(props);
        ctx.writeAndFlush(new IppResponse(props.build()));
    }

    private void reject(ChannelHandlerContext ctx, IppRequest request, IppStatus status) {
        reject(ctx, request.methodCode(), request.sid(), request.version(), status);
    }

    private static void reject(ChannelHandlerContext ctx, String method, String sid, int version, IppStatus status) {
        ctx.writeAndFlush(new IppResponse(IppResponse.start(method, version, sid, IppStage.CHECK_REQUEST, status)
                .build()));
    }

    private String timeout() {
        return Long.toString(config.replyTimeout().toSeconds());
    }

    private static String orUnreadable(String value) {
        return value == null ? UNREADABLE : value;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static IppStatus statusFor(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof IppDecodingException decoding) {
            return decoding.answer();
        }
        if (cause instanceof Refusal refusal) {
            return refusal.status();
        }
        PaymentError error = PaymentException.from(cause).error();
        return switch (error) {
            case TERMINAL_BUSY, TERMINAL_ELSEWHERE, SHUTTING_DOWN -> IppStatus.BUSY;
            case REFERENCE_UNRESOLVED -> IppStatus.LAST_TRANSACTION_NOT_COMPLETED;
            case REFERENCE_NOT_FOUND -> IppStatus.TRANSACTION_NOT_FOUND;
            case INVALID_REQUEST -> IppStatus.INVALID_AMOUNT;
            case UNSUPPORTED -> IppStatus.UNSUPPORTED_METHOD;
            default -> IppStatus.INTERNAL_ERROR;
        };
    }
}
