package io.tillgate.nexo.driver;

import io.netty.channel.EventLoopGroup;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.NetUtil;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.terminal.ActionAnswer;
import io.tillgate.core.terminal.Terminal;
import io.tillgate.core.terminal.TerminalCapabilities;
import io.tillgate.core.terminal.TerminalEvent;
import io.tillgate.core.terminal.TerminalListener;
import io.tillgate.core.terminal.TerminalPhase;
import io.tillgate.core.terminal.TerminalRequest;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.nexo.codec.AbortRequest;
import io.tillgate.nexo.codec.AmountsReq;
import io.tillgate.nexo.codec.DisplayOutput;
import io.tillgate.nexo.codec.DisplayRequest;
import io.tillgate.nexo.codec.ErrorCondition;
import io.tillgate.nexo.codec.EventNotification;
import io.tillgate.nexo.codec.EventToNotify;
import io.tillgate.nexo.codec.Input;
import io.tillgate.nexo.codec.InputCommand;
import io.tillgate.nexo.codec.InputRequest;
import io.tillgate.nexo.codec.InputResponse;
import io.tillgate.nexo.codec.InputResult;
import io.tillgate.nexo.codec.LoginRequest;
import io.tillgate.nexo.codec.LoginResponse;
import io.tillgate.nexo.codec.LogoutRequest;
import io.tillgate.nexo.codec.MessageCategory;
import io.tillgate.nexo.codec.MessageClass;
import io.tillgate.nexo.codec.MessageHeader;
import io.tillgate.nexo.codec.MessageReference;
import io.tillgate.nexo.codec.MessageType;
import io.tillgate.nexo.codec.NexoAmounts;
import io.tillgate.nexo.codec.NexoCodec;
import io.tillgate.nexo.codec.NexoRequestBody;
import io.tillgate.nexo.codec.NexoResponseBody;
import io.tillgate.nexo.codec.NexoResponses;
import io.tillgate.nexo.codec.OriginalPoiTransaction;
import io.tillgate.nexo.codec.OutputText;
import io.tillgate.nexo.codec.PaymentData;
import io.tillgate.nexo.codec.PaymentRequest;
import io.tillgate.nexo.codec.PaymentResponse;
import io.tillgate.nexo.codec.PaymentTransaction;
import io.tillgate.nexo.codec.PaymentType;
import io.tillgate.nexo.codec.PrintRequest;
import io.tillgate.nexo.codec.RepeatedMessageResponse;
import io.tillgate.nexo.codec.Response;
import io.tillgate.nexo.codec.Result;
import io.tillgate.nexo.codec.ReversalReason;
import io.tillgate.nexo.codec.ReversalRequest;
import io.tillgate.nexo.codec.ReversalResponse;
import io.tillgate.nexo.codec.SaleData;
import io.tillgate.nexo.codec.SaleProfile;
import io.tillgate.nexo.codec.SaleSoftware;
import io.tillgate.nexo.codec.SaleTerminalData;
import io.tillgate.nexo.codec.SaleToPOIRequest;
import io.tillgate.nexo.codec.SaleToPOIResponse;
import io.tillgate.nexo.codec.TransactionIdentification;
import io.tillgate.nexo.codec.TransactionStatusRequest;
import io.tillgate.nexo.codec.TransactionStatusResponse;
import io.tillgate.nexo.codec.TransmitRequest;
import io.tillgate.nexo.internal.NexoCardNames;
import io.tillgate.nexo.internal.NexoHttpClient;
import io.tillgate.nexo.internal.NexoTransportException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver for a nexo Retailer 3.1 terminal over HTTP (nexo.md §10): Tillgate is the POS.
 *
 * <p>Logs in on first use and again when the terminal says LoggedOut or NotAllowed (a terminal
 * restart loses the session); retries Busy with a growing pause; aborts on a second connection;
 * recovers a lost Payment answer with TransactionStatus until the recovery deadline, else reports
 * UNKNOWN. In full integration a {@link NexoPosListener} feeds it the terminal's displays, events and
 * signature checks. Nothing here blocks: every exchange is a future on the shared event loop group.
 */
public final class NexoTerminal implements Terminal {

    private static final Logger LOG = LoggerFactory.getLogger(NexoTerminal.class);
    private static final String FULL_CAPABILITIES =
            "CashierStatus CashierError CashierDisplay POIReplication CustomerAssistance CashierInput PrinterReceipt";
    /** How many transactions' ServiceIDs and POITransactionIDs are remembered for recovery and reversal. */
    private static final int REMEMBERED = 256;
    /** A terminal whose DHCP lease keeps changing is not remembered at every address it ever had. */
    private static final int MAX_ADDRESSES = 8;

    private final NexoTerminalConfig config;
    private final EventLoopGroup group;
    private final NexoCodec codec;
    private final NexoHttpClient http;
    private final Object lock = new Object();
    private final Map<String, MessageHeader> sentHeaders = bounded();
    private final Map<String, TransactionIdentification> poiTransactions = bounded();

    private CompletableFuture<Void> login;
    private CompletableFuture<Void> logout = CompletableFuture.completedFuture(null);
    private PaymentRun current;
    private boolean maintenancePending;
    private long lastServiceId;
    /** The terminal's addresses: the configured one if it is literal, and each that answered. */
    private final Set<InetAddress> addresses = ConcurrentHashMap.newKeySet();

    /**
     * @param group runs this driver's connections and timers; shared, owned and shut down by the caller
     * @param resolver resolves the terminal's host name without blocking an event loop; shared and
     *     owned by the caller
     */
    public NexoTerminal(NexoTerminalConfig config, EventLoopGroup group, AddressResolverGroup<?> resolver) {
        this.config = Objects.requireNonNull(config, "config");
        this.group = Objects.requireNonNull(group, "group");
        this.codec = new NexoCodec(config.maxBodyBytes());
        this.http = new NexoHttpClient(group, Objects.requireNonNull(resolver, "resolver"), config.maxBodyBytes(),
                config.connectTimeout());
        InetAddress literal = NetUtil.createInetAddressFromIpAddressString(config.host());
        if (literal != null) {
            addresses.add(literal);
        }
    }

    @Override
    public String id() {
        return config.id();
    }

    public NexoTerminalConfig config() {
        return config;
    }

    @Override
    public TerminalCapabilities capabilities() {
        return new TerminalCapabilities(true, true, config.integration() == NexoIntegration.FULL, true, true);
    }

    @Override
    public void execute(TerminalRequest request, TerminalListener listener) {
        PaymentRun run = new PaymentRun(request, listener);
        synchronized (lock) {
            current = run;
        }
        PaymentKind kind = request.command().kind();
        if (kind == PaymentKind.PREAUTH || kind == PaymentKind.CAPTURE) {
            finish(run, TransactionOutcome.of(TransactionResult.FAILED, "UNSUPPORTED"), kind
                    + " is not offered by nexo terminals (Normal and Refund payments only)");
            return;
        }
        if ((kind == PaymentKind.REFUND || kind == PaymentKind.REVERSAL) && originalTransaction(request) == null) {
            finish(run, TransactionOutcome.of(TransactionResult.FAILED, "UNSUPPORTED"),
                    "the original transaction has no nexo POITransactionID");
            return;
        }
        run.status(TerminalStatus.of(TerminalPhase.CONNECTING, "Connecting", config.poiId(), true));
        ensureLoggedIn().whenComplete((v, failure) -> {
            if (failure != null) {
                finish(run, TransactionOutcome.of(TransactionResult.FAILED, "LOGIN_FAILED"),
                        "login failed: " + describe(failure));
            } else {
                send(run, 0, false);
            }
        });
    }

    @Override
    public void abort(String transactionId) {
        PaymentRun run = running(transactionId);
        if (run == null) {
            return;
        }
        run.requestAbort();
        MessageHeader target = run.header();
        if (target == null) {
            return; // Not sent yet: send() sees the request and never sends it.
        }
        SaleToPOIRequest abort = request(MessageClass.SERVICE, MessageCategory.ABORT, new AbortRequest(
                new MessageReference(target.messageCategory(), target.serviceId(), null, config.saleId(),
                        config.poiId()), "Abort by Sale System", null));
        http.post(config.host(), config.port(), config.tls(), codec.encode(abort), config.requestTimeout())
                .whenComplete((reply, failure) -> {
                    if (failure != null) {
                        LOG.warn("nexo terminal {}: abort of transaction {} (ServiceID {}) not delivered: {}", id(),
                                transactionId, target.serviceId(), describe(failure));
                    } else if (reply.status() != 204) {
                        LOG.warn("nexo terminal {}: abort of transaction {} answered HTTP {} instead of 204", id(),
                                transactionId, reply.status());
                    }
                });
    }

    @Override
    public void answer(String transactionId, ActionAnswer answer) {
        PaymentRun run = running(transactionId);
        if (run == null || !run.answer(answer)) {
            LOG.warn("nexo terminal {}: transaction {} has no pending question for {}", id(), transactionId, answer);
        }
    }

    @Override
    public CompletableFuture<Optional<TransactionOutcome>> recover(TransactionRecord transaction) {
        MessageHeader sent;
        synchronized (lock) {
            sent = sentHeaders.get(transaction.id());
        }
        MessageCategory category = transaction.kind() == PaymentKind.REVERSAL ? MessageCategory.REVERSAL
                : MessageCategory.PAYMENT;
        StatusQuery query = new StatusQuery(category, sent == null ? null : sent.serviceId(), transaction.id(),
                transaction.reference(), transaction.amount(), System.nanoTime() + config.recoveryTimeout().toNanos());
        return ensureLoggedIn().thenCompose(v -> queryStatus(query, false)).exceptionally(failure -> {
            LOG.warn("nexo terminal {}: status of transaction {} could not be asked: {}", id(), transaction.id(),
                    describe(failure));
            return Optional.empty();
        });
    }

    @Override
    public void close() {
        synchronized (lock) {
            login = null;
        }
    }

    // ---- login session ------------------------------------------------------------------------

    private CompletableFuture<Void> ensureLoggedIn() {
        synchronized (lock) {
            if (login == null || login.isCompletedExceptionally()) {
                login = logout.handle((v, e) -> null).thenCompose(v -> login(0));
            }
            return login;
        }
    }

    private CompletableFuture<Void> login(int attempt) {
        synchronized (lock) {
            // Swedbank's scheme: HHMMSS at login, then +1 per message; never below the last one used.
            lastServiceId = Math.max(lastServiceId, LocalTime.now().toSecondOfDay() * 1000L);
        }
        SaleToPOIRequest request = new SaleToPOIRequest(header(MessageClass.SERVICE, MessageCategory.LOGIN, "3.1"),
                new LoginRequest(config.operatorLanguage(), null, null, null, null, null, null,
                        OffsetDateTime.now().toString(), new SaleSoftware("Tillgate", config.applicationName(),
                                config.softwareVersion(), null), saleTerminalData()));
        return exchange(request, config.requestTimeout()).thenCompose(answer -> {
            Response response = answer.body(LoginResponse.class).response();
            if (response.result() != Result.FAILURE) {
                LOG.info("nexo terminal {}: logged in to POI {} as sale {} ({} integration)", id(), config.poiId(),
                        config.saleId(), config.integration());
                return CompletableFuture.completedFuture(null);
            }
            if (response.errorCondition() == ErrorCondition.BUSY && attempt < config.busyRetries()) {
                LOG.info("nexo terminal {}: login Busy ({}); retrying", id(), response.additionalResponse());
                return delay(backoff(attempt)).thenCompose(v -> login(attempt + 1));
            }
            throw new TerminalAnswerException("login refused: " + condition(response));
        });
    }

    private SaleTerminalData saleTerminalData() {
        return config.integration() == NexoIntegration.FULL
                ? new SaleTerminalData("Attended", FULL_CAPABILITIES, new SaleProfile("Extended",
                        "Loyalty PIN CardReader"))
                : new SaleTerminalData("Attended", "PrinterReceipt", null);
    }

    private void loggedOut() {
        synchronized (lock) {
            login = null;
        }
    }

    /** Daily maintenance (nexo.md §6.6): log out letting the terminal update; log in on next use. */
    private void maintenance() {
        CompletableFuture<Void> done;
        synchronized (lock) {
            if (current != null) {
                maintenancePending = true;
                return;
            }
            maintenancePending = false;
            login = null;
            SaleToPOIRequest request = request(MessageClass.SERVICE, MessageCategory.LOGOUT, new LogoutRequest(true));
            done = exchange(request, config.requestTimeout()).handle((answer, failure) -> {
                if (failure != null) {
                    LOG.warn("nexo terminal {}: maintenance logout failed: {}", id(), describe(failure));
                } else {
                    LOG.info("nexo terminal {}: logged out for maintenance; the next transaction logs in again",
                            id());
                }
                return null;
            });
            logout = done;
        }
    }

    // ---- transactions -----------------------------------------------------------------------------

    private void send(PaymentRun run, int busyAttempt, boolean reloggedIn) {
        if (run.abortRequested()) {
            finish(run, TransactionOutcome.of(TransactionResult.ABORTED, "MERCHANT_ABORTED"),
                    "aborted before it was sent");
            return;
        }
        SaleToPOIRequest request = transactionRequest(run.request());
        run.sent(request.header());
        synchronized (lock) {
            sentHeaders.put(run.transactionId(), request.header());
        }
        run.status(TerminalStatus.of(TerminalPhase.WAITING_FOR_CARD, "Follow the terminal",
                String.valueOf(run.request().command().amount()), true));
        exchange(request, config.paymentTimeout()).whenComplete((answer, failure) -> {
            if (failure != null) {
                lost(run, request.header(), failure);
                return;
            }
            Response response = responseOf(answer.body());
            if (response.result() == Result.FAILURE && response.errorCondition() == ErrorCondition.BUSY
                    && busyAttempt < config.busyRetries()) {
                LOG.info("nexo terminal {}: transaction {} Busy; retry {} of {}", id(), run.transactionId(),
                        busyAttempt + 1, config.busyRetries());
                delay(backoff(busyAttempt)).thenRun(() -> send(run, busyAttempt + 1, reloggedIn));
            } else if (response.result() == Result.FAILURE && !reloggedIn
                    && (response.errorCondition() == ErrorCondition.LOGGED_OUT
                    || response.errorCondition() == ErrorCondition.NOT_ALLOWED)) {
                LOG.info("nexo terminal {}: transaction {} refused {}; logging in again", id(), run.transactionId(),
                        response.errorCondition().code());
                loggedOut();
                ensureLoggedIn().whenComplete((v, loginFailure) -> {
                    if (loginFailure != null) {
                        finish(run, TransactionOutcome.of(TransactionResult.FAILED, "LOGIN_FAILED"),
                                "login failed: " + describe(loginFailure));
                    } else {
                        send(run, busyAttempt, true);
                    }
                });
            } else {
                settle(run, answer.body());
            }
        });
    }

    /** The answer did not come: unless provably never delivered, ask the terminal what happened. */
    private void lost(PaymentRun run, MessageHeader sent, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof NexoTransportException transport && !transport.maybeDelivered()) {
            finish(run, TransactionOutcome.of(TransactionResult.FAILED, "TERMINAL_UNREACHABLE"), cause.getMessage());
            return;
        }
        LOG.warn("nexo terminal {}: answer to transaction {} (ServiceID {}) lost ({}); asking TransactionStatus",
                id(), run.transactionId(), sent.serviceId(), describe(cause));
        run.status(TerminalStatus.of(TerminalPhase.PROCESSING, "Recovering result", "", false));
        StatusQuery query = new StatusQuery(sent.messageCategory(), sent.serviceId(), run.transactionId(),
                run.request().command().reference(), run.request().command().amount(),
                System.nanoTime() + config.recoveryTimeout().toNanos());
        queryStatus(query, false).whenComplete((found, statusFailure) -> {
            if (found != null && found.isPresent()) {
                finish(run, found.get(), "recovered with TransactionStatus");
            } else {
                finish(run, TransactionOutcome.of(TransactionResult.UNKNOWN, "NO_ANSWER"),
                        "no answer and TransactionStatus could not tell");
            }
        });
    }

    private void settle(PaymentRun run, NexoResponseBody body) {
        Money requested = run.request().command().amount();
        TransactionOutcome outcome;
        try {
            outcome = body instanceof ReversalResponse reversal ? OutcomeReader.reversal(reversal, requested)
                    : OutcomeReader.payment((PaymentResponse) body, requested);
        } catch (RuntimeException e) {
            finish(run, TransactionOutcome.of(TransactionResult.UNKNOWN, "UNREADABLE_ANSWER"), e.getMessage());
            return;
        }
        rememberPoiTransaction(body);
        finish(run, outcome, null);
    }

    private void finish(PaymentRun run, TransactionOutcome outcome, String note) {
        if (!run.finish(outcome)) {
            return;
        }
        boolean maintenanceNow;
        synchronized (lock) {
            if (current == run) {
                current = null;
            }
            maintenanceNow = maintenancePending;
        }
        if (outcome.result() == TransactionResult.APPROVED || outcome.result() == TransactionResult.DECLINED) {
            LOG.debug("nexo terminal {}: transaction {} {}{}", id(), run.transactionId(), outcome.result(),
                    note == null ? "" : " (" + note + ")");
        } else {
            LOG.warn("nexo terminal {}: transaction {} {} {}{}", id(), run.transactionId(), outcome.result(),
                    outcome.reason(), note == null ? "" : ": " + note);
        }
        if (maintenanceNow) {
            maintenance();
        }
    }

    private SaleToPOIRequest transactionRequest(TerminalRequest request) {
        Money amount = request.command().amount();
        SaleData saleData = new SaleData(null,
                SaleTransactions.of(request.transactionId(), request.command().reference()), null, null, null);
        AmountsReq amounts = new AmountsReq(amount.currency().getCurrencyCode(), NexoAmounts.toDecimal(amount), null,
                null);
        return switch (request.command().kind()) {
            case SALE -> request(MessageClass.SERVICE, MessageCategory.PAYMENT, new PaymentRequest(saleData,
                    new PaymentTransaction(amounts, null), new PaymentData(PaymentType.NORMAL, null)));
            case REFUND -> request(MessageClass.SERVICE, MessageCategory.PAYMENT, new PaymentRequest(saleData,
                    new PaymentTransaction(amounts, originalTransaction(request)),
                    new PaymentData(PaymentType.REFUND, null)));
            case REVERSAL -> request(MessageClass.SERVICE, MessageCategory.REVERSAL, new ReversalRequest(
                    ReversalReason.MERCHANT_CANCEL, NexoAmounts.toDecimal(amount), saleData,
                    originalTransaction(request)));
            default -> throw new IllegalStateException("unsupported kind " + request.command().kind());
        };
    }

    /** The original's POITransactionID, exactly as the terminal gave it when it is still remembered. */
    private OriginalPoiTransaction originalTransaction(TerminalRequest request) {
        TransactionRecord original = request.original();
        if (original == null || original.outcome() == null || original.outcome().terminalReference() == null) {
            return null;
        }
        String reference = original.outcome().terminalReference();
        TransactionIdentification id;
        synchronized (lock) {
            id = poiTransactions.get(reference);
        }
        if (id == null) {
            id = new TransactionIdentification(reference, original.createdAt().toString());
        }
        return new OriginalPoiTransaction(config.saleId(), config.poiId(), id, original.outcome().authorisationCode(),
                null);
    }

    private void rememberPoiTransaction(NexoResponseBody body) {
        var poiData = body instanceof PaymentResponse p ? p.poiData()
                : body instanceof ReversalResponse r ? r.poiData() : null;
        if (poiData != null && poiData.poiTransactionId() != null
                && poiData.poiTransactionId().transactionId() != null) {
            synchronized (lock) {
                poiTransactions.put(poiData.poiTransactionId().transactionId(), poiData.poiTransactionId());
            }
        }
    }

    // ---- recovery -----------------------------------------------------------------------------

    /**
     * @param serviceId the lost request's ServiceID, or {@code null} after a restart: then the
     *     terminal repeats its last answer, and only its SaleData can say whose it is
     */
    private record StatusQuery(MessageCategory category, String serviceId, String transactionId, String reference,
            Money requested,
            long deadlineNanos) {
    }

    private CompletableFuture<Optional<TransactionOutcome>> queryStatus(StatusQuery query, boolean reloggedIn) {
        SaleToPOIRequest request = request(MessageClass.SERVICE, MessageCategory.TRANSACTION_STATUS,
                new TransactionStatusRequest(new MessageReference(query.category(), query.serviceId(), null,
                        config.saleId(), config.poiId()), List.of()));
        return exchange(request, config.requestTimeout()).handle((answer, failure) -> {
            if (failure != null) {
                LOG.info("nexo terminal {}: TransactionStatus for {} failed ({}); retrying", id(),
                        query.transactionId(), describe(failure));
                return retryStatus(query, reloggedIn);
            }
            TransactionStatusResponse status = answer.body(TransactionStatusResponse.class);
            Response response = status.response();
            if (response.result() != Result.FAILURE && status.repeatedMessageResponse() != null) {
                return CompletableFuture.completedFuture(repeated(query, status.repeatedMessageResponse()));
            }
            ErrorCondition condition = response.errorCondition();
            if (condition == ErrorCondition.BUSY || condition == ErrorCondition.IN_PROGRESS) {
                return retryStatus(query, reloggedIn);
            }
            if (!reloggedIn && (condition == ErrorCondition.LOGGED_OUT || condition == ErrorCondition.NOT_ALLOWED)) {
                loggedOut();
                return ensureLoggedIn().thenCompose(v -> queryStatus(query, true));
            }
            LOG.warn("nexo terminal {}: TransactionStatus for transaction {} answered {}", id(),
                    query.transactionId(), condition(response));
            return CompletableFuture.completedFuture(Optional.<TransactionOutcome>empty());
        }).thenCompose(next -> next);
    }

    private CompletableFuture<Optional<TransactionOutcome>> retryStatus(StatusQuery query, boolean reloggedIn) {
        if (System.nanoTime() + config.statusInterval().toNanos() > query.deadlineNanos()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return delay(config.statusInterval()).thenCompose(v -> queryStatus(query, reloggedIn));
    }

    /**
     * The repeated answer, if it is the transaction asked about: the answer to the ServiceID asked
     * for, carrying the SaleTransactionID the driver sent. The POS's reference alone never decides,
     * since it repeats (docs/protocols/identity.md).
     */
    private Optional<TransactionOutcome> repeated(StatusQuery query, RepeatedMessageResponse repeated) {
        String answered = repeated.messageHeader() == null ? null : repeated.messageHeader().serviceId();
        if (query.serviceId() != null && answered != null && !query.serviceId().equals(answered)) {
            LOG.warn("nexo terminal {}: TransactionStatus repeated the answer to ServiceID {}, not {} (transaction {})",
                    id(), answered, query.serviceId(), query.transactionId());
            return Optional.empty();
        }
        SaleData saleData = repeated.paymentResponse() != null ? repeated.paymentResponse().saleData() : null;
        if (saleData != null && saleData.saleTransactionId() != null
                && !SaleTransactions.isOf(saleData, query.transactionId(), query.reference())) {
            LOG.warn("nexo terminal {}: TransactionStatus repeated another sale ({} at {}), not transaction {}", id(),
                    saleData.saleTransactionId().transactionId(), saleData.saleTransactionId().timeStamp(),
                    query.transactionId());
            return Optional.empty();
        }
        if (repeated.paymentResponse() != null) {
            rememberPoiTransaction(repeated.paymentResponse());
            return Optional.of(OutcomeReader.payment(repeated.paymentResponse(), query.requested()));
        }
        if (repeated.reversalResponse() != null) {
            return Optional.of(OutcomeReader.reversal(repeated.reversalResponse(), query.requested()));
        }
        return Optional.empty();
    }

    // ---- the POS listener side (full integration) ----------------------------------------------

    /**
     * A request the terminal posted to the POS listener. Completes with the answer body, or empty for
     * HTTP 204.
     */
    CompletableFuture<Optional<SaleToPOIResponse>> onPosRequest(SaleToPOIRequest request, Duration inputTimeout) {
        NexoRequestBody body = request.body();
        PaymentRun run;
        synchronized (lock) {
            run = current;
        }
        if (body instanceof DisplayRequest display) {
            if (run != null) {
                display.displayOutput().forEach(output -> run.status(status(output)));
            }
        } else if (body instanceof PrintRequest print) {
            LOG.debug("nexo terminal {}: terminal printed a {} ({} lines)", id(),
                    print.printOutput().documentQualifier().code(),
                    print.printOutput().outputContent().outputText().size());
        } else if (body instanceof InputRequest input) {
            return confirmation(request, input, run, inputTimeout);
        } else if (body instanceof EventNotification event) {
            onEvent(event, run);
        } else if (body instanceof TransmitRequest transmit) {
            LOG.info("nexo terminal {}: POI {} sent its configuration (Transmit to {})", id(), config.poiId(),
                    transmit.destinationAddress());
        } else {
            return CompletableFuture.completedFuture(NexoResponses.withResult(request.header(),
                    NexoResponses.failure(ErrorCondition.UNAVAILABLE_SERVICE, "not served by the POS")));
        }
        return CompletableFuture.completedFuture(Optional.empty());
    }

    private CompletableFuture<Optional<SaleToPOIResponse>> confirmation(SaleToPOIRequest request, InputRequest input,
            PaymentRun run, Duration inputTimeout) {
        InputCommand command = input.inputData().inputCommand();
        CompletableFuture<Boolean> answer;
        if (command != InputCommand.GET_CONFIRMATION || run == null) {
            LOG.warn("nexo terminal {}: {} input from the terminal {}; declined", id(), command.code(),
                    run == null ? "outside a transaction" : "is not supported");
            answer = CompletableFuture.completedFuture(false);
        } else {
            String prompt = input.displayOutput() == null ? "Confirm" : String.join(" ",
                    input.displayOutput().outputContent().outputText().stream().map(OutputText::text).toList());
            answer = run.confirm(prompt).completeOnTimeout(false, inputTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        String device = input.inputData().device();
        String infoQualify = input.inputData().infoQualify();
        return answer.thenApply(confirmed -> Optional.of(new SaleToPOIResponse(
                NexoResponses.answering(request.header()), new InputResponse(null, new InputResult(device,
                        infoQualify, NexoResponses.success(), new Input(command, confirmed, null, null, null, null,
                        null))))));
    }

    private void onEvent(EventNotification event, PaymentRun run) {
        switch (event.eventToNotify()) {
            case CARD_INSERTED, CARD_REMOVED -> {
                if (run != null) {
                    run.event(new TerminalEvent(event.eventToNotify() == EventToNotify.CARD_INSERTED
                            ? TerminalEvent.Type.CARD_INSERTED : TerminalEvent.Type.CARD_REMOVED,
                            event.eventDetails()));
                }
            }
            case SALE_ADMIN -> {
                if (Boolean.TRUE.equals(event.maintenanceRequiredFlag())) {
                    LOG.info("nexo terminal {}: POI {} asks for maintenance", id(), config.poiId());
                    maintenance();
                }
            }
            case REJECT -> LOG.warn("nexo terminal {}: POI {} rejected a message: {}", id(), config.poiId(),
                    event.rejectedMessage() == null ? event.eventDetails() : "(" + event.rejectedMessage().length()
                            + " chars)");
            default -> LOG.info("nexo terminal {}: POI {} event {} {}", id(), config.poiId(),
                    event.eventToNotify().code(), event.eventDetails() == null ? "" : event.eventDetails());
        }
    }

    private static TerminalStatus status(DisplayOutput output) {
        List<String> lines = output.outputContent() == null ? List.of()
                : output.outputContent().outputText().stream().map(OutputText::text)
                        .filter(Objects::nonNull).toList();
        String first = lines.isEmpty() ? "" : lines.get(0);
        TerminalPhase phase = NexoCardNames.phase(first);
        boolean abortable = phase == TerminalPhase.CONNECTING || phase == TerminalPhase.INITIALIZING
                || phase == TerminalPhase.WAITING_FOR_CARD;
        return TerminalStatus.of(phase, NexoCardNames.displayText(first), lines.size() > 1 ? lines.get(1) : "",
                abortable);
    }

    String poiId() {
        return config.poiId();
    }

    /**
     * Whether {@code source} is this terminal: its configured address, or one that answered the
     * driver. The POS listener takes a terminal's posts only from there, so nobody else on the
     * shop's network can put text on the cashier's screen or answer its questions.
     */
    boolean isAddressOf(InetAddress source) {
        return addresses.contains(source);
    }

    // ---- plumbing -----------------------------------------------------------------------------

    private CompletableFuture<SaleToPOIResponse> exchange(SaleToPOIRequest request, Duration timeout) {
        byte[] body = codec.encode(request);
        return http.post(config.host(), config.port(), config.tls(), body, timeout).thenApply(reply -> {
            if (addresses.size() >= MAX_ADDRESSES) {
                addresses.clear();
            }
            addresses.add(reply.peer());
            if (reply.status() != 200) {
                throw new TerminalAnswerException("HTTP " + reply.status() + " to "
                        + request.header().messageCategory().code() + " (ServiceID " + request.header().serviceId()
                        + ")");
            }
            SaleToPOIResponse response = codec.decodeResponse(reply.body());
            if (response.header().messageCategory() != request.header().messageCategory()) {
                throw new TerminalAnswerException("a " + response.header().messageCategory().code()
                        + " response to a " + request.header().messageCategory().code() + " request");
            }
            return response;
        });
    }

    private SaleToPOIRequest request(MessageClass messageClass, MessageCategory category, NexoRequestBody body) {
        return new SaleToPOIRequest(header(messageClass, category, null), body);
    }

    private MessageHeader header(MessageClass messageClass, MessageCategory category, String protocolVersion) {
        return new MessageHeader(protocolVersion, messageClass, category, MessageType.REQUEST, nextServiceId(), null,
                config.saleId(), config.poiId());
    }

    private String nextServiceId() {
        synchronized (lock) {
            lastServiceId = (lastServiceId + 1) % 10_000_000_000L;
            return Long.toString(lastServiceId);
        }
    }

    private PaymentRun running(String transactionId) {
        synchronized (lock) {
            return current != null && current.transactionId().equals(transactionId) ? current : null;
        }
    }

    private CompletableFuture<Void> delay(Duration duration) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        group.next().schedule(() -> done.complete(null), duration.toMillis(), TimeUnit.MILLISECONDS);
        return done;
    }

    private Duration backoff(int attempt) {
        return config.busyBackoff().multipliedBy(attempt + 1L);
    }

    private static Response responseOf(NexoResponseBody body) {
        if (body instanceof PaymentResponse payment) {
            return payment.response();
        }
        return ((ReversalResponse) body).response();
    }

    private static String condition(Response response) {
        return response.result().code() + (response.errorCondition() == null ? ""
                : "/" + response.errorCondition().code())
                + (response.additionalResponse() == null ? "" : " (" + response.additionalResponse() + ")");
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }
}
