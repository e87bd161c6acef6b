package io.tillgate.nexo.frontend;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.service.PaymentException;
import io.tillgate.core.service.ReferenceRule;
import io.tillgate.nexo.codec.AbortRequest;
import io.tillgate.nexo.codec.AmountsReq;
import io.tillgate.nexo.codec.CardAcquisitionRequest;
import io.tillgate.nexo.codec.DiagnosisRequest;
import io.tillgate.nexo.codec.DiagnosisResponse;
import io.tillgate.nexo.codec.DisplayOutput;
import io.tillgate.nexo.codec.DisplayRequest;
import io.tillgate.nexo.codec.DisplayResponse;
import io.tillgate.nexo.codec.EnableServiceRequest;
import io.tillgate.nexo.codec.ErrorCondition;
import io.tillgate.nexo.codec.EventNotification;
import io.tillgate.nexo.codec.HostStatus;
import io.tillgate.nexo.codec.LoginRequest;
import io.tillgate.nexo.codec.LoginResponse;
import io.tillgate.nexo.codec.LogoutRequest;
import io.tillgate.nexo.codec.MessageHeader;
import io.tillgate.nexo.codec.MessageReference;
import io.tillgate.nexo.codec.NexoAmounts;
import io.tillgate.nexo.codec.NexoDecodingException;
import io.tillgate.nexo.codec.NexoRequestBody;
import io.tillgate.nexo.codec.NexoResponses;
import io.tillgate.nexo.codec.OriginalPoiTransaction;
import io.tillgate.nexo.codec.OutputResult;
import io.tillgate.nexo.codec.PaymentRequest;
import io.tillgate.nexo.codec.PaymentResponse;
import io.tillgate.nexo.codec.PaymentType;
import io.tillgate.nexo.codec.PoiStatus;
import io.tillgate.nexo.codec.PoiSystemData;
import io.tillgate.nexo.codec.PoiTerminalData;
import io.tillgate.nexo.codec.RepeatedMessageResponse;
import io.tillgate.nexo.codec.Response;
import io.tillgate.nexo.codec.Result;
import io.tillgate.nexo.codec.ReversalRequest;
import io.tillgate.nexo.codec.ReversalResponse;
import io.tillgate.nexo.codec.SaleData;
import io.tillgate.nexo.codec.SaleSoftware;
import io.tillgate.nexo.codec.SaleToPOIRequest;
import io.tillgate.nexo.codec.SaleToPOIResponse;
import io.tillgate.nexo.codec.TransactionIdentification;
import io.tillgate.nexo.codec.TransactionStatusRequest;
import io.tillgate.nexo.codec.TransactionStatusResponse;
import io.tillgate.nexo.codec.TransmitRequest;
import io.tillgate.nexo.netty.ConnectionFailures;
import io.tillgate.nexo.netty.NexoHttpAnswer;
import io.tillgate.nexo.netty.NexoInboundRequest;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One POS connection to the terminal front-end: turns each valid request into gateway calls and
 * answers it (docs/protocols/nexo.md §11). Runs on the connection's event loop and never blocks it; answers to
 * long requests are written from the gateway's threads when they complete.
 */
final class FrontEndHandler extends SimpleChannelInboundHandler<NexoInboundRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(FrontEndHandler.class);
    static final String PROTOCOL = "NEXO";
    /** The acquirer a Diagnosis names for the emulated terminal's host. */
    static final String EMULATED_ACQUIRER = "Tillgate";

    private final FrontEndContext context;

    FrontEndHandler(FrontEndContext context) {
        this.context = context;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, NexoInboundRequest inbound) {
        SaleToPOIRequest request = inbound.message();
        MessageHeader header = request.header();
        NexoRequestBody body = request.body();
        try {
            if (body instanceof LoginRequest login) {
                login(ctx, inbound, login);
            } else if (body instanceof EventNotification || body instanceof TransmitRequest) {
                LOG.info("nexo front-end: {} from POI {} sale {} noted", header.messageCategory().code(),
                        header.poiId(), header.saleId());
                ctx.writeAndFlush(new NexoHttpAnswer.NoContent(inbound.keepAlive()));
            } else if (body instanceof DiagnosisRequest diagnosis) {
                diagnosis(ctx, inbound, diagnosis);
            } else if (!session(header).map(SaleSession::loggedIn).orElse(false)) {
                reply(ctx, inbound, NexoResponses.failure(ErrorCondition.NOT_ALLOWED, "log in first"));
            } else if (body instanceof LogoutRequest logout) {
                context.session(header.saleId(), header.poiId()).logout();
                LOG.info("nexo front-end: POI {} sale {} logged out (maintenance allowed: {})", header.poiId(),
                        header.saleId(), Boolean.TRUE.equals(logout.maintenanceAllowed()));
                reply(ctx, inbound, NexoResponses.success());
            } else if (body instanceof PaymentRequest payment) {
                payment(ctx, inbound, payment);
            } else if (body instanceof ReversalRequest reversal) {
                reversal(ctx, inbound, reversal);
            } else if (body instanceof AbortRequest abort) {
                abort(ctx, inbound, abort);
            } else if (body instanceof TransactionStatusRequest status) {
                status(ctx, inbound, status);
            } else if (body instanceof DisplayRequest display) {
                display(ctx, inbound, display);
            } else if (body instanceof EnableServiceRequest || body instanceof CardAcquisitionRequest) {
                reply(ctx, inbound, NexoResponses.failure(ErrorCondition.UNAVAILABLE_SERVICE,
                        "card acquisition ahead of the amount is not offered; send a PaymentRequest"));
            } else {
                reply(ctx, inbound, NexoResponses.failure(ErrorCondition.UNAVAILABLE_SERVICE,
                        header.messageCategory().code() + " requests are not served by this terminal"));
            }
        } catch (NexoDecodingException e) {
            LOG.warn("nexo front-end: {} from POI {} sale {} refused: {}", header.messageCategory().code(),
                    header.poiId(), header.saleId(), e.getMessage());
            reply(ctx, inbound, NexoResponses.failure(ErrorCondition.MESSAGE_FORMAT,
                    "invalid or missing " + e.element() + ": " + e.getMessage()));
        }
    }

    private void login(ChannelHandlerContext ctx, NexoInboundRequest inbound, LoginRequest login) {
        MessageHeader header = inbound.message().header();
        String capabilities = login.saleTerminalData() == null || login.saleTerminalData().saleCapabilities() == null
                ? "" : login.saleTerminalData().saleCapabilities().strip();
        boolean wantsFull = Arrays.stream(capabilities.split("\\s+"))
                .anyMatch(c -> !c.isEmpty() && !c.equals("PrinterReceipt"));
        boolean full = wantsFull && context.config().posListenerUrl() != null;
        if (wantsFull && !full) {
            LOG.warn("nexo front-end: POI {} sale {} asks for full integration but no POS listener URL is "
                    + "configured; serving light integration", header.poiId(), header.saleId());
        }
        SaleSession session = context.session(header.saleId(), header.poiId());
        session.login(full, context.clock().millis());
        LOG.info("nexo front-end: POI {} sale {} logged in ({} integration)", header.poiId(), header.saleId(),
                full ? "full" : "light");
        PoiSystemData system = new PoiSystemData(OffsetDateTime.now(context.clock()).toString(),
                new SaleSoftware("Tillgate", "Tillgate nexo terminal", "3.1", null),
                new PoiTerminalData("Attended", context.config().terminalId(),
                        "PrinterReceipt CashierDisplay CashierInput", null), new PoiStatus("OK", "OK"));
        ctx.writeAndFlush(new NexoHttpAnswer.Document(new SaleToPOIResponse(NexoResponses.answering(header),
                new LoginResponse(NexoResponses.success(), system)), inbound.keepAlive()));
        PosOutbox outbox = context.outbox(session, header.saleId(), header.poiId(), header.serviceId());
        if (outbox != null) {
            outbox.display(List.of("Please wait", ""));
            outbox.display(List.of("Welcome", ""));
        }
    }

    /**
     * Answered without a login, since a Diagnosis stands outside the session as Login does: whether
     * the terminal is busy, who is logged in, and, when asked, the emulated acquirer's host, which is
     * always reachable (other acquirers are unknown here, so unreachable).
     */
    private void diagnosis(ChannelHandlerContext ctx, NexoInboundRequest inbound, DiagnosisRequest diagnosis) {
        MessageHeader header = inbound.message().header();
        boolean busy = context.payments().runningTransaction(context.config().terminalId()).isPresent();
        List<HostStatus> hosts = !Boolean.TRUE.equals(diagnosis.hostDiagnosisFlag()) ? List.of()
                : diagnosis.acquirerId().isEmpty() ? List.of(new HostStatus(EMULATED_ACQUIRER, true))
                : diagnosis.acquirerId().stream().map(id -> new HostStatus(id, EMULATED_ACQUIRER.equals(id))).toList();
        ctx.writeAndFlush(new NexoHttpAnswer.Document(new SaleToPOIResponse(NexoResponses.answering(header),
                new DiagnosisResponse(NexoResponses.success(), context.loggedSales(header.poiId()),
                        new PoiStatus(busy ? "Busy" : "OK", "OK"), hosts)), inbound.keepAlive()));
    }

    private void payment(ChannelHandlerContext ctx, NexoInboundRequest inbound, PaymentRequest payment) {
        MessageHeader header = inbound.message().header();
        AmountsReq amounts = payment.paymentTransaction().amountsReq();
        Money amount = NexoAmounts.toMoney(amounts.requestedAmount(), amounts.currency(),
                "PaymentRequest/PaymentTransaction/AmountsReq@RequestedAmount");
        if (!amount.isPositive()) {
            throw NexoDecodingException.invalid("PaymentRequest/PaymentTransaction/AmountsReq@RequestedAmount",
                    "must be positive");
        }
        boolean refund = payment.paymentData() != null && payment.paymentData().paymentType() == PaymentType.REFUND;
        PaymentCommand command;
        if (refund) {
            // Swedbank refunds are card-present credits; a POITransactionID, when given, links the original.
            OriginalPoiTransaction original = payment.paymentTransaction().originalPoiTransaction();
            String originalId = original == null || original.poiTransactionId() == null ? null
                    : original.poiTransactionId().transactionId();
            command = originalId == null
                    ? PaymentCommand.unlinkedRefund(amount, saleReference(payment.saleData()), null)
                    : new PaymentCommand(PaymentKind.REFUND, amount, saleReference(payment.saleData()), originalId,
                            null);
        } else if (payment.paymentData() == null || payment.paymentData().paymentType() == null
                || payment.paymentData().paymentType() == PaymentType.NORMAL) {
            command = PaymentCommand.sale(amount, saleReference(payment.saleData()), null);
        } else {
            throw NexoDecodingException.invalid("PaymentRequest/PaymentData@PaymentType", "'"
                    + payment.paymentData().paymentType().code() + "' is not supported (Normal or Refund)");
        }
        run(ctx, inbound, command, payment.saleData(), null);
    }

    private void reversal(ChannelHandlerContext ctx, NexoInboundRequest inbound, ReversalRequest reversal) {
        MessageHeader header = inbound.message().header();
        SaleSession session = context.session(header.saleId(), header.poiId());
        String originalId = reversal.originalPoiTransaction().poiTransactionId().transactionId();
        Optional<SaleSession.Entry> last = session.last();
        boolean lastSucceeded = last.filter(e -> originalId.equals(e.transactionId()))
                .flatMap(SaleSession.Entry::finalResponse)
                .filter(r -> r.body() instanceof PaymentResponse p
                        && p.response().result() != Result.FAILURE)
                .isPresent();
        if (!lastSucceeded) {
            reply(ctx, inbound, NexoResponses.failure(ErrorCondition.NOT_ALLOWED,
                    "only the last transaction, if successful, can be reversed"));
            return;
        }
        PaymentCommand command = new PaymentCommand(PaymentKind.REVERSAL, null, saleReference(reversal.saleData()),
                originalId, null);
        run(ctx, inbound, command, reversal.saleData(), reversal.originalPoiTransaction());
    }

    /** Starts a Payment or Reversal; its answer is written by the {@link PaymentExchange}. */
    private void run(ChannelHandlerContext ctx, NexoInboundRequest inbound, PaymentCommand command, SaleData saleData,
            OriginalPoiTransaction reversalOf) {
        MessageHeader header = inbound.message().header();
        SaleSession session = context.session(header.saleId(), header.poiId());
        SaleSession.Entry entry = session.register(header.serviceId());
        PaymentExchange exchange = new PaymentExchange(context, ctx.channel(), inbound.keepAlive(), entry, header,
                saleData, reversalOf, context.outbox(session, header.saleId(), header.poiId(), header.serviceId()));
        String requestReference = header.poiId() + "/" + header.saleId() + "/" + header.serviceId() + "/"
                + session.loginStamp();
        io.tillgate.core.service.PaymentRequest request = new io.tillgate.core.service.PaymentRequest(
                context.config().merchantId(),
                command.originalTransactionId() != null ? null : context.config().terminalId(), PROTOCOL,
                requestReference, command, ReferenceRule.ORDER_NUMBER, ctx.channel().eventLoop());
        context.payments().execute(request, exchange).whenComplete((record, failure) -> {
            if (failure != null) {
                PaymentException refused = PaymentException.from(failure);
                LOG.warn("nexo front-end: {} from POI {} sale {} ServiceID {} refused: {} {}",
                        header.messageCategory().code(), header.poiId(), header.saleId(), header.serviceId(),
                        refused.error(), refused.getMessage());
                Response response = NexoResponses.failure(condition(refused), refused.getMessage());
                NexoResponses.withResult(header, response).ifPresent(entry::settled);
                reply(ctx, inbound, response);
                return;
            }
            entry.started(record.id());
            if (entry.abortRequested()) {
                abortRunning(record.id(), header);
            }
        });
    }

    private void abort(ChannelHandlerContext ctx, NexoInboundRequest inbound, AbortRequest abort) {
        MessageHeader header = inbound.message().header();
        // Abort answers 204 whatever happens; the aborted request's own answer tells the outcome.
        ctx.writeAndFlush(new NexoHttpAnswer.NoContent(inbound.keepAlive()));
        Optional<SaleSession.Entry> target = context.session(header.saleId(), header.poiId())
                .find(abort.messageReference().serviceId());
        if (target.isEmpty() || target.get().finalResponse().isPresent()) {
            LOG.info("nexo front-end: abort from POI {} sale {} names no running request (ServiceID {})",
                    header.poiId(), header.saleId(), abort.messageReference().serviceId());
            return;
        }
        target.get().requestAbort();
        String transactionId = target.get().transactionId();
        if (transactionId != null) {
            abortRunning(transactionId, header);
        }
    }

    private void abortRunning(String transactionId, MessageHeader header) {
        context.payments().abort(context.config().merchantId(), context.config().terminalId(), transactionId)
                .whenComplete((r, failure) -> {
                    if (failure != null) {
                        LOG.info("nexo front-end: abort of transaction {} from POI {} sale {} not taken: {}",
                                transactionId, header.poiId(), header.saleId(),
                                PaymentException.from(failure).getMessage());
                    }
                });
    }

    private void status(ChannelHandlerContext ctx, NexoInboundRequest inbound, TransactionStatusRequest status) {
        MessageHeader header = inbound.message().header();
        String serviceId = status.messageReference() == null ? null : status.messageReference().serviceId();
        Optional<SaleSession.Entry> entry = context.session(header.saleId(), header.poiId()).find(serviceId);
        TransactionStatusResponse answer;
        if (entry.isEmpty()) {
            answer = new TransactionStatusResponse(NexoResponses.failure(ErrorCondition.NOT_FOUND,
                    "no transaction " + (serviceId == null ? "yet" : "with ServiceID " + serviceId)), null, null);
        } else if (entry.get().finalResponse().isEmpty()) {
            answer = new TransactionStatusResponse(NexoResponses.failure(ErrorCondition.BUSY,
                    "transaction in progress"), null, null);
        } else {
            SaleToPOIResponse found = entry.get().finalResponse().get();
            RepeatedMessageResponse repeated = new RepeatedMessageResponse(found.header(),
                    found.body() instanceof PaymentResponse p ? p : null,
                    found.body() instanceof ReversalResponse r ? r : null, null);
            answer = new TransactionStatusResponse(NexoResponses.success(),
                    new MessageReference(found.header().messageCategory(),
                            found.header().serviceId(), null, found.header().saleId(), found.header().poiId()),
                    repeated);
        }
        ctx.writeAndFlush(new NexoHttpAnswer.Document(new SaleToPOIResponse(NexoResponses.answering(header), answer),
                inbound.keepAlive()));
    }

    private void display(ChannelHandlerContext ctx, NexoInboundRequest inbound, DisplayRequest display) {
        List<OutputResult> results = display.displayOutput().stream()
                .map((DisplayOutput output) -> new OutputResult(output.device(), output.infoQualify(),
                        NexoResponses.success()))
                .toList();
        ctx.writeAndFlush(new NexoHttpAnswer.Document(new SaleToPOIResponse(
                NexoResponses.answering(inbound.message().header()), new DisplayResponse(results)),
                inbound.keepAlive()));
    }

    private void reply(ChannelHandlerContext ctx, NexoInboundRequest inbound, Response response) {
        Optional<SaleToPOIResponse> answer = NexoResponses.withResult(inbound.message().header(), response);
        ctx.writeAndFlush(answer.<NexoHttpAnswer>map(a -> new NexoHttpAnswer.Document(a, inbound.keepAlive()))
                .orElseGet(() -> new NexoHttpAnswer.NoContent(inbound.keepAlive())));
    }

    private Optional<SaleSession> session(MessageHeader header) {
        return context.existing(header.saleId(), header.poiId());
    }

    private static String saleReference(SaleData saleData) {
        TransactionIdentification id = saleData == null ? null : saleData.saleTransactionId();
        return id == null ? null : id.transactionId();
    }

    private static ErrorCondition condition(PaymentException refused) {
        return switch (refused.error()) {
            case TERMINAL_BUSY, TERMINAL_ELSEWHERE, SHUTTING_DOWN -> ErrorCondition.BUSY;
            case UNKNOWN_TERMINAL -> ErrorCondition.UNAVAILABLE_DEVICE;
            case REFERENCE_NOT_FOUND -> ErrorCondition.NOT_FOUND;
            case UNSUPPORTED -> ErrorCondition.UNAVAILABLE_SERVICE;
            case INTERNAL -> ErrorCondition.DEVICE_OUT;
            default -> ErrorCondition.NOT_ALLOWED;
        };
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ConnectionFailures.close(LOG, "nexo front-end", ctx, cause);
    }
}
