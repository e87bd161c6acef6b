package io.tillgate.nexo.frontend;

import io.netty.channel.Channel;
import io.tillgate.core.service.PaymentException;
import io.tillgate.core.service.TransactionObserver;
import io.tillgate.core.terminal.ActionAnswer;
import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalEvent;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.nexo.codec.DocumentQualifier;
import io.tillgate.nexo.codec.EventToNotify;
import io.tillgate.nexo.codec.MessageHeader;
import io.tillgate.nexo.codec.NexoResponseBody;
import io.tillgate.nexo.codec.NexoResponses;
import io.tillgate.nexo.codec.OriginalPoiTransaction;
import io.tillgate.nexo.codec.Response;
import io.tillgate.nexo.codec.SaleData;
import io.tillgate.nexo.codec.SaleToPOIResponse;
import io.tillgate.nexo.internal.NexoCardNames;
import io.tillgate.nexo.netty.NexoHttpAnswer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Payment or Reversal request while the gateway runs it: mirrors the card flow to the POS
 * listener in full integration, settles the signature check, and answers the pending HTTP request
 * with the final response — or, for cents 96, drops that connection so the POS has to recover the
 * result with TransactionStatus.
 */
final class PaymentExchange implements TransactionObserver {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentExchange.class);

    private final FrontEndContext context;
    private final Channel channel;
    private final boolean keepAlive;
    private final SaleSession.Entry entry;
    private final MessageHeader requestHeader;
    private final SaleData saleData;
    private final OriginalPoiTransaction reversalOf;
    private final PosOutbox outbox;
    private volatile boolean dropped;
    private volatile boolean signatureRefused;

    /**
     * @param reversalOf the original transaction when this is a Reversal, else {@code null}
     * @param outbox the POS listener in full integration, else {@code null}
     */
    PaymentExchange(FrontEndContext context, Channel channel, boolean keepAlive, SaleSession.Entry entry,
            MessageHeader requestHeader, SaleData saleData, OriginalPoiTransaction reversalOf, PosOutbox outbox) {
        this.context = context;
        this.channel = channel;
        this.keepAlive = keepAlive;
        this.entry = entry;
        this.requestHeader = requestHeader;
        this.saleData = saleData;
        this.reversalOf = reversalOf;
        this.outbox = outbox;
    }

    @Override
    public void onStatus(TransactionRecord transaction, TerminalStatus status) {
        if (outbox != null) {
            outbox.display(List.of(NexoCardNames.displayLine(status.phase(), status.display().get(0)),
                    status.display().get(1)));
        }
    }

    @Override
    public void onAction(TransactionRecord transaction, TerminalAction action) {
        if (action.type() != TerminalAction.Type.SIGNATURE) {
            LOG.warn("nexo front-end: transaction {} asks {}, which nexo cannot relay; aborting", transaction.id(),
                    action.type());
            abort(transaction);
            return;
        }
        if (outbox == null) {
            // Light integration: the POS prints the merchant receipt with a signature line. Answered
            // from the connection's event loop, after the terminal has finished asking.
            channel.eventLoop().execute(() -> answer(transaction, ActionAnswer.Signature.signedOnReceipt()));
            return;
        }
        outbox.print(DocumentQualifier.CASHIER_RECEIPT, List.of("MERCHANT COPY", "PURCHASE: " + transaction.amount(),
                "Signature: ____________________"), true);
        outbox.confirm("Is signature OK?").thenAccept(confirmed -> {
            if (confirmed) {
                answer(transaction, ActionAnswer.Signature.signedOnReceipt());
            } else {
                signatureRefused = true;
                abort(transaction);
            }
        });
    }

    @Override
    public void onEvent(TransactionRecord transaction, TerminalEvent event) {
        switch (event.type()) {
            case DROP_POS_CONNECTION -> {
                dropped = true;
                LOG.info("nexo front-end: transaction {} drops the POS connection before answering (simulated)",
                        transaction.id());
                channel.close();
            }
            case CARD_INSERTED -> notify(EventToNotify.CARD_INSERTED, event.detail());
            case CARD_REMOVED -> notify(EventToNotify.CARD_REMOVED, event.detail());
            case CARD_READ_ERROR -> {
                // The status that follows shows the read error and the retry.
            }
        }
    }

    @Override
    public void onCompleted(TransactionRecord transaction) {
        Optional<Response> response = context.mapper().response(transaction, signatureRefused);
        if (response.isEmpty()) {
            LOG.warn("nexo front-end: transaction {} on {} for POI {} sale {} ServiceID {} ended {}; no {} response "
                    + "is sent, TransactionStatus answers Busy", transaction.id(), transaction.terminalId(),
                    requestHeader.poiId(), requestHeader.saleId(), requestHeader.serviceId(), transaction.state(),
                    requestHeader.messageCategory().code());
            return;
        }
        NexoResponseBody body = reversalOf == null
                ? context.mapper().payment(transaction, response.get(), saleData)
                : context.mapper().reversal(transaction, response.get(), saleData, reversalOf);
        SaleToPOIResponse document = new SaleToPOIResponse(NexoResponses.answering(requestHeader), body);
        entry.settled(document);
        LOG.debug("nexo front-end: transaction {} for POI {} sale {} ServiceID {}: {}", transaction.id(),
                requestHeader.poiId(), requestHeader.saleId(), requestHeader.serviceId(), response.get().result());
        CompletableFuture<Void> posted = outbox == null ? CompletableFuture.completedFuture(null) : outbox.drained();
        posted.whenComplete((v, e) -> {
            if (dropped) {
                return;
            }
            if (channel.isActive()) {
                channel.writeAndFlush(new NexoHttpAnswer.Document(document, keepAlive));
            } else {
                LOG.warn("nexo front-end: POS for POI {} sale {} left before transaction {} ended; "
                        + "it can recover the result with TransactionStatus", requestHeader.poiId(),
                        requestHeader.saleId(), transaction.id());
            }
            if (outbox != null) {
                outbox.display(List.of("Welcome", ""));
            }
        });
    }

    private void notify(EventToNotify event, String detail) {
        if (outbox != null) {
            outbox.event(event, detail);
        }
    }

    private void answer(TransactionRecord transaction, ActionAnswer answer) {
        context.payments().answer(context.config().merchantId(), transaction.terminalId(), answer)
                .whenComplete((r, failure) -> {
                    if (failure != null) {
                        LOG.warn("nexo front-end: answer to transaction {} not taken: {}", transaction.id(),
                                PaymentException.from(failure).getMessage());
                    }
                });
    }

    private void abort(TransactionRecord transaction) {
        context.payments().abort(context.config().merchantId(), transaction.terminalId(), transaction.id())
                .whenComplete((r, failure) -> {
                    if (failure != null) {
                        LOG.warn("nexo front-end: abort of transaction {} not taken: {}", transaction.id(),
                                PaymentException.from(failure).getMessage());
                    }
                });
    }
}
