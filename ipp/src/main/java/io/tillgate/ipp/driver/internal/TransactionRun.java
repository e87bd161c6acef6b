package io.tillgate.ipp.driver.internal;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.terminal.TerminalEvent;
import io.tillgate.core.terminal.TerminalListener;
import io.tillgate.core.terminal.TerminalPhase;
import io.tillgate.core.terminal.TerminalRequest;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.TransactionMdc;
import io.tillgate.ipp.codec.IppNames;
import io.tillgate.ipp.codec.IppRequest;
import io.tillgate.ipp.codec.IppResponse;
import io.tillgate.ipp.codec.IppStage;
import io.tillgate.ipp.codec.IppStatus;
import io.tillgate.ipp.driver.IppTerminalConfig;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transaction on a myPOS terminal (docs/protocols/ipp.md §7, §13): connect, GET_STATUS (completing a pending
 * transaction, fetching host certificates), the request and its stages, COMPLETE_TX after an
 * approval; on a lost answer, GET_STATUS decides, else the outcome is UNKNOWN. Each step that a
 * reply of the terminal sets off runs with the transaction's id in the log context.
 */
public final class TransactionRun {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionRun.class);

    private final IppTerminalConfig config;
    private final Sockets sockets;
    private final TerminalRequest request;
    private final TerminalListener listener;
    private final RequestFactory requests;
    private final Housekeeping housekeeping;
    private final StatusQuery statusQuery;
    private final HostRelay hostRelay;
    private final String sid;
    private final Money amount;
    private final String amountLine;
    private final AtomicBoolean finished = new AtomicBoolean();

    private volatile IppLink link;
    private volatile IppRequest call;
    private volatile int version;
    private volatile int lastStage;
    private volatile boolean cancelRequested;
    private volatile HostEndpoint endpoint;

    public TransactionRun(IppTerminalConfig config, Sockets sockets, CertificateCache certificates,
            TerminalRequest request, TerminalListener listener) {
        this.config = config;
        this.sockets = sockets;
        this.request = request;
        this.listener = listener;
        this.requests = new RequestFactory(config);
        this.housekeeping = new Housekeeping(config, requests, certificates);
        this.statusQuery = new StatusQuery(sockets, config, housekeeping);
        this.hostRelay = new HostRelay(sockets, config, certificates);
        this.sid = Sids.of(request.transactionId());
        this.amount = request.command().amount();
        this.amountLine = amount.toString();
        this.version = config.version();
    }

    /** A status query for recovery, sharing this driver's certificate cache. */
    public static StatusQuery statusQuery(IppTerminalConfig config, Sockets sockets,
            CertificateCache certificates) {
        return new StatusQuery(sockets, config, new Housekeeping(config, new RequestFactory(config), certificates));
    }

    public String transactionId() {
        return request.transactionId();
    }

    public void start() {
        status(TerminalPhase.CONNECTING, "Connecting", false);
        IppLink.open(sockets, config)
                .thenCompose(opened -> {
                    link = opened;
                    return prepare(opened);
                })
                .thenCompose(ready -> pay(true))
                .whenComplete(this::finish);
    }

    /** Cancels with STAGE=101 and a fresh SID while the terminal still allows it (stage 1 or 11; §6). */
    public void abort() {
        IppLink current = link;
        IppRequest running = call;
        int stage = lastStage;
        if (current == null || running == null || !(stage == 1 || stage == 11) || cancelRequested) {
            LOG.info("terminal {}: transaction {} cannot be cancelled now (last stage {})", config.id(),
                    request.transactionId(), stage);
            return;
        }
        cancelRequested = true;
        LOG.debug("terminal {}: cancelling transaction {} ({})", config.id(), request.transactionId(), sid);
        current.send(requests.cancel(running, version));
    }

    /** The driver is closing: drops the connections; an outcome not known yet is UNKNOWN. */
    public void close() {
        deliver(TransactionOutcome.of(TransactionResult.UNKNOWN, "DRIVER_CLOSED"));
    }

    private CompletableFuture<Void> prepare(IppLink opened) {
        return housekeeping.status(opened, version).thenCompose(status -> TransactionMdc.call(transactionId(), () -> {
            switch (status.status()) {
                case BUSY -> throw new Refused("TERMINAL_BUSY", status.status());
                case UNSUPPORTED_VERSION -> {
                    int current = status.properties().integer(IppNames.CURRENT_VERSION, version);
                    LOG.warn("terminal {}: VERSION {} unsupported; adopting CURRENT_VERSION {}", config.id(), version,
                            current);
                    version = current;
                }
                case ACTIVATION_REQUIRED, MANDATORY_UPDATE, DEACTIVATION_NOT_FINISHED ->
                    LOG.warn("terminal {}: GET_STATUS reports STATUS {} ({}); payments will likely be refused",
                            config.id(), status.status().code(), status.status());
                case LAST_TRANSACTION_NOT_COMPLETED -> {
                    return completePending(opened, status);
                }
                default -> {
                }
            }
            return CompletableFuture.completedFuture(null);
        }));
    }

    private CompletableFuture<Void> completePending(IppLink opened, IppResponse status) {
        String pending = status.text(IppNames.SID_ORIGINAL);
        if (pending == null) {
            throw new Refused("LAST_TRANSACTION_NOT_COMPLETED", status.status());
        }
        LOG.warn("terminal {}: transaction {} was left uncompleted; sending COMPLETE_TX before {}", config.id(),
                pending, request.transactionId());
        return housekeeping.complete(opened, pending, version).thenApply(reply -> null);
    }

    private CompletableFuture<TransactionOutcome> pay(boolean mayRetry) {
        IppRequest sent = requests.transaction(request, sid, version);
        call = sent;
        lastStage = 0;
        return link.exchange(sent, this::progress).thenCompose(reply -> TransactionMdc.call(transactionId(), () -> {
            if (reply.stage() == IppStage.CHECK_REQUEST && reply.status() == IppStatus.LAST_TRANSACTION_NOT_COMPLETED
                    && mayRetry) {
                return housekeeping.status(link, version).thenCompose(status -> completePending(link, status))
                        .thenCompose(v -> pay(false));
            }
            TransactionOutcome outcome = OutcomeMapper.fromFinal(reply, amount, cancelRequested);
            if (outcome.isApproved() && sent.method().needsCompletion() && reply.status().successful()) {
                return housekeeping.complete(link, sid, version).handle((r, f) -> outcome);
            }
            return CompletableFuture.completedFuture(outcome);
        }));
    }

    private void progress(IppResponse reply) {
        TransactionMdc.run(transactionId(), () -> report(reply));
    }

    private void report(IppResponse reply) {
        lastStage = reply.stage().code();
        keepEndpoint(reply);
        boolean abortable = !cancelRequested;
        switch (reply.stage()) {
            case CHECK_REQUEST -> status(TerminalPhase.INITIALIZING, "Transaction started", abortable);
            case PRESENT_CARD -> status(TerminalPhase.WAITING_FOR_CARD, "Present card", abortable);
            case CARD_HANDLING -> {
                if (reply.status() == IppStatus.OK) {
                    status(TerminalPhase.READING_CARD, "Card read", false);
                } else {
                    listener.onEvent(new TerminalEvent(TerminalEvent.Type.CARD_READ_ERROR,
                            "terminal STATUS " + reply.status().code()));
                    listener.onStatus(TerminalStatus.of(TerminalPhase.READING_CARD, "Card not accepted", "Try again",
                            false));
                }
            }
            case ENTER_PIN -> listener.onStatus(TerminalStatus.of(TerminalPhase.WAITING_FOR_PIN, "Enter PIN",
                    triesLeft(reply), false));
            case PIN_HANDLING -> {
                if (reply.status() == IppStatus.INVALID_PIN) {
                    listener.onStatus(TerminalStatus.of(TerminalPhase.WAITING_FOR_PIN, "Wrong PIN", triesLeft(reply),
                            false));
                } else {
                    status(TerminalPhase.PROCESSING, "PIN OK", false);
                }
            }
            case HOST_RELAY -> {
                status(TerminalPhase.PROCESSING, "Contacting host", false);
                relay(reply);
            }
            default -> status(TerminalPhase.PROCESSING, "Processing", false);
        }
    }

    private String triesLeft(IppResponse reply) {
        String tries = reply.text(IppNames.TRIES_LEFT);
        return tries == null ? amountLine : "Tries left: " + tries;
    }

    private void keepEndpoint(IppResponse reply) {
        String ip = reply.text(IppNames.IP);
        if (ip == null) {
            return;
        }
        int port = reply.properties().integer(IppNames.PORT, -1);
        byte[] chain = reply.properties().has(IppNames.CHAIN) ? reply.properties().bytes(IppNames.CHAIN) : null;
        endpoint = new HostEndpoint(ip, port, chain == null ? List.of()
                : io.tillgate.ipp.codec.IppCodec.fingerprints(chain));
    }

    private void relay(IppResponse reply) {
        IppStatus status = reply.status();
        byte[] data = reply.properties().has(IppNames.DATA) ? reply.properties().bytes(IppNames.DATA) : null;
        HostEndpoint target = endpoint;
        if (data == null || target == null || target.port() < 1 || !(status == IppStatus.OK
                || status == IppStatus.RELAY_NO_ANSWER || status == IppStatus.RELAY_AND_WAIT)) {
            LOG.warn("terminal {}: transaction {}: STAGE 4 STATUS {} without DATA or host endpoint; not relayed",
                    config.id(), request.transactionId(), status.code());
            return;
        }
        hostRelay.relay(target, data, status).whenComplete((answer, failure) -> {
            if (failure != null) {
                TransactionMdc.run(transactionId(), () -> LOG.warn(
                        "terminal {}: transaction {}: host relay to {} failed: {}; the terminal will time out",
                        config.id(), request.transactionId(), target, unwrap(failure).getMessage()));
            } else if (answer != null) {
                link.send(new IppRequest(IppRequest.start(call.method(), version, sid)
                        .text(IppNames.STATUS, "0").integer(IppNames.STAGE, IppStage.HOST_RELAY.code())
                        .bytes(IppNames.DATA, answer).build()));
            }
        });
    }

    private void finish(TransactionOutcome outcome, Throwable failure) {
        TransactionMdc.run(transactionId(), () -> conclude(outcome, failure));
    }

    private void conclude(TransactionOutcome outcome, Throwable failure) {
        if (failure == null) {
            deliver(outcome);
            return;
        }
        Throwable cause = unwrap(failure);
        if (cause instanceof Refused refused) {
            deliver(TransactionOutcome.builder(TransactionResult.FAILED).reason(refused.reason)
                    .rawResultCodes(java.util.Map.of(IppNames.STATUS, Integer.toString(refused.status.code()))).build());
        } else if (finished.get()) {
            return;
        } else if (call != null && cause instanceof IppLinkException lost && lost.afterSend()) {
            LOG.warn("terminal {}: answer to transaction {} ({}) lost: {}; asking GET_STATUS", config.id(),
                    request.transactionId(), sid, lost.getMessage());
            closeLink();
            statusQuery.outcomeOf(sid, amount, version).whenComplete((found, f) -> TransactionMdc.run(transactionId(),
                    () -> deliver(found != null && found.isPresent() ? found.get()
                            : TransactionOutcome.of(TransactionResult.UNKNOWN, "NO_FINAL_ANSWER"))));
        } else {
            LOG.warn("terminal {}: transaction {} failed before the terminal took it: {}", config.id(),
                    request.transactionId(), cause.getMessage());
            deliver(TransactionOutcome.of(TransactionResult.FAILED, cause instanceof IppLinkException
                    ? "TERMINAL_UNREACHABLE" : "TERMINAL_ERROR"));
        }
    }

    private void deliver(TransactionOutcome outcome) {
        closeLink();
        hostRelay.close();
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        LOG.debug("terminal {}: transaction {} ({}) {}{}", config.id(), request.transactionId(), sid,
                outcome.result(), outcome.reason() == null ? "" : " (" + outcome.reason() + ")");
        listener.onOutcome(outcome);
    }

    private void closeLink() {
        IppLink current = link;
        if (current != null) {
            current.close();
        }
    }

    private void status(TerminalPhase phase, String line1, boolean abortable) {
        listener.onStatus(TerminalStatus.of(phase, line1, amountLine, abortable));
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** The terminal turned the transaction down before it began. */
    private static final class Refused extends RuntimeException {
        final String reason;
        final IppStatus status;

        Refused(String reason, IppStatus status) {
            super(reason, null, false, false);
            this.reason = reason;
            this.status = status;
        }
    }
}
