package io.tillgate.ipp.frontend.internal;

import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.service.PaymentService;
import io.tillgate.core.service.TransactionObserver;
import io.tillgate.core.terminal.ActionAnswer;
import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalEvent;
import io.tillgate.core.terminal.TerminalPhase;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.ipp.codec.IppAmount;
import io.tillgate.ipp.codec.IppCodec;
import io.tillgate.ipp.codec.IppMethod;
import io.tillgate.ipp.codec.IppNames;
import io.tillgate.ipp.codec.IppProperties;
import io.tillgate.ipp.codec.IppRequest;
import io.tillgate.ipp.codec.IppResponse;
import io.tillgate.ipp.codec.IppStage;
import io.tillgate.ipp.codec.IppStatus;
import io.tillgate.ipp.frontend.IppFrontEndConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One financial request on the emulated terminal: watches the gateway transaction and writes its
 * stages to the POS (docs/protocols/ipp.md §12). Everything runs on the connection's event loop; gateway
 * callbacks hop onto it, so stage frames go out in order and after STAGE 1.
 */
final class TransactionSession implements TransactionObserver {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionSession.class);

    private final IppFrontEndConfig config;
    private final PaymentService payments;
    private final TerminalLedger ledger;
    private final Channel channel;
    private final IppRequest request;
    private final IppMethod method;
    private final List<Runnable> beforeStage1 = new ArrayList<>();

    private volatile String transactionId;
    private Money amount;
    private boolean started;
    private boolean pinShown;
    private boolean readErrorShown;
    private boolean pinReported;
    private boolean signatureRequired;
    private boolean relayStarted;
    private boolean relayPending;
    private ScheduledFuture<?> relayTimeout;
    private IppResponse heldOutcome;

    TransactionSession(IppFrontEndConfig config, PaymentService payments, TerminalLedger ledger, Channel channel,
            IppRequest request) {
        this.config = config;
        this.payments = payments;
        this.ledger = ledger;
        this.channel = channel;
        this.request = request;
        this.method = request.method();
    }

    String sid() {
        return request.sid();
    }

    IppMethod method() {
        return method;
    }

    Channel channel() {
        return channel;
    }

    /** The gateway transaction, once admitted; {@code null} before. */
    String transactionId() {
        return transactionId;
    }

    /** The gateway took the transaction: send STAGE 1 and whatever progress came before it. */
    void started(TransactionRecord record) {
        transactionId = record.id();
        amount = record.amount();
        IppProperties.Builder stage1 = response(IppStage.CHECK_REQUEST, IppStatus.OK);
        IppFrontEndConfig.HostRelay relay = config.hostRelay();
        if (relay != null) {
            stage1.text(IppNames.IP, relay.host()).integer(IppNames.PORT, relay.port());
            if (relay.tls()) {
                stage1.bytes(IppNames.CHAIN, Certificates.chain(relay.certificates()));
            }
        }
        send(stage1);
        started = true;
        beforeStage1.forEach(Runnable::run);
        beforeStage1.clear();
        LOG.debug("IPP terminal {}: {} {} started as transaction {}", config.terminalId(), method.code(), sid(),
                transactionId);
    }

    @Override
    public void onStatus(TransactionRecord transaction, TerminalStatus status) {
        onLoop(() -> status(status.phase()));
    }

    @Override
    public void onAction(TransactionRecord transaction, TerminalAction action) {
        // IPP has no signature or confirmation step: the terminal settles it and says so at STAGE 5.
        // Answered from the event loop, never from inside the terminal's own callback.
        boolean signature = action.type() == TerminalAction.Type.SIGNATURE;
        ActionAnswer answer = signature ? ActionAnswer.Signature.signedOnReceipt() : new ActionAnswer.Confirmation(true);
        onLoop(() -> {
            signatureRequired |= signature;
            payments.answer(config.merchantId(), config.terminalId(), answer).whenComplete((r, failure) -> {
                if (failure != null) {
                    LOG.warn("IPP terminal {}: transaction {} could not settle its {} step: {}", config.terminalId(),
                            transaction.id(), action.type(), failure.getMessage());
                }
            });
        });
    }

    @Override
    public void onEvent(TransactionRecord transaction, TerminalEvent event) {
        onLoop(() -> {
            switch (event.type()) {
                case CARD_READ_ERROR -> {
                    readErrorShown = true;
                    send(response(IppStage.CARD_HANDLING, IppStatus.UNSUPPORTED_CARD));
                }
                case DROP_POS_CONNECTION -> {
                    LOG.debug("IPP terminal {}: simulated link loss before STAGE 5 of transaction {}",
                            config.terminalId(), transaction.id());
                    channel.close();
                }
                default -> {
                }
            }
        });
    }

    @Override
    public void onCompleted(TransactionRecord transaction) {
        onLoop(() -> completed(transaction));
    }

    /** The POS's STAGE 4 reply: the host's answer, relayed verbatim. */
    void relayAnswered(IppRequest reply) {
        if (!relayPending) {
            LOG.warn("IPP terminal {}: unexpected STAGE 4 reply for {}", config.terminalId(), sid());
            return;
        }
        byte[] data = reply.properties().bytes(IppNames.DATA);
        LOG.debug("IPP terminal {}: host answer of {} bytes relayed for transaction {}", config.terminalId(),
                data == null ? 0 : data.length - 2, transactionId);
        endRelay();
    }

    private void status(TerminalPhase phase) {
        switch (phase) {
            case WAITING_FOR_CARD -> send(response(IppStage.PRESENT_CARD, IppStatus.OK));
            case READING_CARD -> {
                if (readErrorShown) {
                    readErrorShown = false;
                } else {
                    send(response(IppStage.CARD_HANDLING, IppStatus.OK));
                }
            }
            case WAITING_FOR_PIN -> {
                pinShown = true;
                send(response(IppStage.ENTER_PIN, IppStatus.OK).integer(IppNames.TRIES_LEFT, 3));
            }
            case PROCESSING -> {
                if (pinShown && !pinReported) {
                    pinReported = true;
                    send(response(IppStage.PIN_HANDLING, IppStatus.OK));
                }
                startRelay();
            }
            default -> {
            }
        }
    }

    private void startRelay() {
        if (config.hostRelay() == null || relayStarted) {
            return;
        }
        relayStarted = true;
        relayPending = true;
        ledger.relaying(this, true);
        // The emulated host request: no card data, just enough for the host to know the transaction.
        byte[] hostRequest = ("TILLGATE-IPP-HOST;" + transactionId + ";" + IppAmount.format(amount) + ";"
                + IppAmount.currencyCode(amount.currency())).getBytes(StandardCharsets.US_ASCII);
        send(response(IppStage.HOST_RELAY, IppStatus.OK).bytes(IppNames.DATA,
                IppCodec.lengthPrefixed(hostRequest, true)));
        relayTimeout = channel.eventLoop().schedule(() -> {
            if (relayPending) {
                LOG.warn("IPP terminal {}: POS did not relay the host request of transaction {} within {}",
                        config.terminalId(), transactionId, config.replyTimeout());
                endRelay();
            }
        }, config.replyTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void endRelay() {
        relayPending = false;
        ledger.relaying(this, false);
        if (relayTimeout != null) {
            relayTimeout.cancel(false);
        }
        if (heldOutcome != null) {
            channel.writeAndFlush(heldOutcome);
            heldOutcome = null;
        }
    }

    private void completed(TransactionRecord record) {
        IppStatus status = OutcomeFields.status(record.outcome());
        IppProperties fields = OutcomeFields.fields(record, config, signatureRequired, ledger::nextTraceNumber);
        boolean needsCompletion = record.outcome().isApproved() && method.needsCompletion();
        ledger.finish(this, new LastTransaction(sid(), method, record, status, fields, !needsCompletion),
                record.outcome().isApproved() && (record.kind() == PaymentKind.SALE));
        if (status == null) {
            LOG.warn("IPP terminal {}: transaction {} ({} {}) ended UNKNOWN; no STAGE 5 sent", config.terminalId(),
                    record.id(), method.code(), sid());
            return;
        }
        IppResponse outcome = new IppResponse(response(IppStage.OUTCOME, status).putAll(fields).build());
        if (!channel.isActive()) {
            LOG.warn("IPP terminal {}: POS link closed before STAGE 5 of transaction {} ({}); {} awaits "
                    + "GET_STATUS", config.terminalId(), record.id(), record.state(), sid());
            return;
        }
        LOG.debug("IPP terminal {}: transaction {} {} → STAGE 5 STATUS {}", config.terminalId(), record.id(),
                record.state(), status.code());
        if (relayPending) {
            heldOutcome = outcome;
        } else {
            channel.writeAndFlush(outcome);
        }
    }

    private IppProperties.Builder response(IppStage stage, IppStatus status) {
        IppProperties.Builder builder = IppResponse.start(method, request.version(), sid(), stage, status);
        if (stage != IppStage.OUTCOME) {
            builder.text(IppNames.TIMEOUT, Long.toString(config.replyTimeout().toSeconds()));
        }
        return builder;
    }

    private void send(IppProperties.Builder frame) {
        channel.writeAndFlush(new IppResponse(frame.build()));
    }

    private void onLoop(Runnable task) {
        channel.eventLoop().execute(() -> {
            if (!started) {
                beforeStage1.add(task);
            } else {
                task.run();
            }
        });
    }
}
