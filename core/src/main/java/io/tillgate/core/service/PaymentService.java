package io.tillgate.core.service;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timer;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.terminal.ActionAnswer;
import io.tillgate.core.terminal.Terminal;
import io.tillgate.core.terminal.TerminalCapabilities;
import io.tillgate.core.terminal.TerminalRequest;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.core.transaction.TransactionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every front-end has in common: one transaction at a time per terminal, idempotency on the
 * POS's references, timeouts, abort and answer routing, and the journal order — recorded before the
 * terminal is contacted, outcome recorded before any POS is told.
 *
 * <p>All entry points return at once. Admission reads the store, so it runs on one admission
 * thread and callers on a Netty event loop never block, unless the store answers at once from
 * memory; then it runs on the caller's thread. Either way idempotency checks never race.
 */
public final class PaymentService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentService.class);
    /** How late a transaction timeout may fire; timeouts are minutes long. */
    private static final long TIMER_TICK_MILLIS = 100;

    private final Map<String, Terminal> terminals;
    private final TransactionStore store;
    private final PaymentServiceSettings settings;
    private final Clock clock;
    private final ExecutorService admission;
    private final Object admissionLock = new Object();
    private final Timer timer;

    private final Map<String, ActiveTransaction> activeByTerminal = new ConcurrentHashMap<>();
    private final Map<String, ActiveTransaction> activeById = new ConcurrentHashMap<>();
    private final Map<String, ActiveTransaction> activeByKey = new ConcurrentHashMap<>();

    public PaymentService(List<? extends Terminal> terminals, TransactionStore store, PaymentServiceSettings settings,
            Clock clock) {
        Map<String, Terminal> byId = new ConcurrentHashMap<>();
        for (Terminal terminal : terminals) {
            if (byId.putIfAbsent(terminal.id(), terminal) != null) {
                throw new IllegalArgumentException("terminal id '" + terminal.id() + "' is configured twice");
            }
        }
        this.terminals = Map.copyOf(byId);
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.admission = Executors.newSingleThreadExecutor(daemon("tillgate-admission"));
        // A wheel rather than a scheduled executor: almost every timeout is cancelled, and adding
        // one to a wheel never wakes its thread, where a scheduled executor's thread is woken by
        // every transaction that starts while no other one is running.
        this.timer = new HashedWheelTimer(daemon("tillgate-timeouts"), TIMER_TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    public PaymentService(List<? extends Terminal> terminals, TransactionStore store) {
        this(terminals, store, PaymentServiceSettings.defaults(), Clock.systemUTC());
    }

    public Optional<Terminal> terminal(String terminalId) {
        return Optional.ofNullable(terminals.get(terminalId));
    }

    /**
     * Runs a payment command, or joins the transaction its idempotency keys already name.
     *
     * <p>Completes with the registered transaction once it is durable and handed to the terminal
     * (or with the stored transaction for a repeat); {@code observer} then receives its progress and
     * the outcome. Completes exceptionally with a {@link PaymentException} when refused.
     */
    public CompletableFuture<TransactionRecord> execute(PaymentRequest request, TransactionObserver observer) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(observer, "observer");
        if (store.answersAtOnce()) {
            // Nothing here can block: admitting on the caller's thread saves two hand-overs between
            // threads on every transaction, to the admission thread and back to an event loop.
            try {
                return admit(request, observer);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return CompletableFuture.supplyAsync(() -> admit(request, observer), admission)
                .thenCompose(admitted -> admitted);
    }

    /** Requests an abort of the terminal's running transaction; the outcome follows to the observers. */
    public CompletableFuture<TransactionRecord> abort(String merchantId, String terminalId, String transactionId) {
        return routed(merchantId, terminalId, transactionId, active -> {
            if (!active.terminal().capabilities().abort()) {
                throw new PaymentException(PaymentError.UNSUPPORTED,
                        "terminal " + terminalId + " cannot abort from the POS");
            }
            active.abort();
        });
    }

    /** Answers the running transaction's pending action (signature, confirmation). */
    public CompletableFuture<TransactionRecord> answer(String merchantId, String terminalId, ActionAnswer answer) {
        return routed(merchantId, terminalId, null, active -> active.answer(answer));
    }

    /**
     * Resolves what an earlier run left unfinished, before any front-end accepts work: each
     * transaction that never reached a final state is asked of its terminal where the protocol
     * has a status query, and otherwise becomes {@link TransactionState#UNKNOWN} for an operator.
     * Completes with the transactions as they are afterwards.
     */
    public CompletableFuture<List<TransactionRecord>> recoverUnfinished() {
        return CompletableFuture.supplyAsync(store::findUnresolved, admission).thenCompose(unresolved -> {
            List<CompletableFuture<TransactionRecord>> recovered = new ArrayList<>();
            for (TransactionRecord record : unresolved) {
                recovered.add(recover(record));
            }
            return CompletableFuture.allOf(recovered.toArray(CompletableFuture[]::new))
                    .thenApply(v -> recovered.stream().map(CompletableFuture::join).toList());
        });
    }

    private CompletableFuture<TransactionRecord> recover(TransactionRecord record) {
        Terminal terminal = terminals.get(record.terminalId());
        if (terminal == null || !terminal.capabilities().recovery()) {
            return markUnknown(record, terminal == null ? "terminal " + record.terminalId() + " is no longer configured"
                    : "gateway restarted; terminal " + record.terminalId() + " has no status query");
        }
        return terminal.recover(record)
                .orTimeout(settings.transactionTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((found, failure) -> {
                    if (failure != null || found.isEmpty()) {
                        return markUnknown(record, failure != null
                                ? "status query failed: " + PaymentException.from(failure).getMessage()
                                : "terminal does not know the transaction");
                    }
                    TransactionRecord resolved = record.withOutcome(found.get(),
                            capturedAfter(record, found.get()), now());
                    LOG.warn("transaction {} recovered from terminal {} after restart: {}", record.id(),
                            record.terminalId(), resolved.state());
                    return store.update(resolved, "recovered from the terminal after a gateway restart")
                            .thenApply(v -> resolved);
                })
                .thenCompose(next -> next);
    }

    private CompletableFuture<TransactionRecord> markUnknown(TransactionRecord record, String why) {
        if (record.state() == TransactionState.UNKNOWN) {
            return CompletableFuture.completedFuture(record);
        }
        TransactionRecord unknown = record.withOutcome(
                TransactionOutcome.of(TransactionResult.UNKNOWN, "GATEWAY_RESTART"), false,
                now());
        LOG.warn("transaction {} ({} {} on {}) was {} when the gateway stopped; now UNKNOWN: {}", record.id(),
                record.kind(), record.amount(), record.terminalId(), record.state(), why);
        return store.update(unknown, why).thenApply(v -> unknown);
    }

    /** Stops telling {@code observer} about a transaction (its POS went away); the transaction goes on. */
    public void detach(String transactionId, TransactionObserver observer) {
        ActiveTransaction active = activeById.get(transactionId);
        if (active != null) {
            active.detach(observer);
        }
    }

    /** Finds one of the merchant's transactions, running or stored. */
    public CompletableFuture<Optional<TransactionRecord>> find(String merchantId, TransactionLookup lookup) {
        return CompletableFuture.supplyAsync(() -> lookup(merchantId, lookup), admission);
    }

    private Optional<TransactionRecord> lookup(String merchantId, TransactionLookup lookup) {
        ActiveTransaction active;
        Optional<TransactionRecord> stored;
        if (lookup instanceof TransactionLookup.ById byId) {
            active = activeById.get(byId.id());
            stored = active == null ? store.findById(byId.id()) : Optional.empty();
        } else if (lookup instanceof TransactionLookup.ByReference byRef) {
            active = activeByKey.get(referenceKey(merchantId, byRef.reference()));
            stored = active == null ? store.findByReference(merchantId, byRef.reference()) : Optional.empty();
        } else {
            TransactionLookup.ByRequestReference byReq = (TransactionLookup.ByRequestReference) lookup;
            active = activeByKey.get(requestKey(merchantId, byReq.protocol(), byReq.requestReference()));
            stored = active == null
                    ? store.findByRequestReference(merchantId, byReq.protocol(), byReq.requestReference())
                    : Optional.empty();
        }
        Optional<TransactionRecord> found = active != null ? Optional.of(active.visibleRecord()) : stored;
        return found.filter(r -> r.merchantId().equals(merchantId));
    }

    /**
     * Decides under the admission lock, so that two requests with the same idempotency key can
     * never both start a transaction, then records and starts a new one outside it.
     */
    private CompletableFuture<TransactionRecord> admit(PaymentRequest request, TransactionObserver observer) {
        Supplier<CompletableFuture<TransactionRecord>> admitted;
        synchronized (admissionLock) {
            admitted = decide(request, observer);
        }
        return admitted.get();
    }

    /** Joins, repeats or registers the transaction; what is left to do is returned. */
    private Supplier<CompletableFuture<TransactionRecord>> decide(PaymentRequest request,
            TransactionObserver observer) {
        String merchant = request.merchantId();
        PaymentCommand command = request.command();
        List<String> keys = idempotencyKeys(request);

        for (String key : keys) {
            ActiveTransaction running = activeByKey.get(key);
            if (running != null) {
                requireSameParameters(running.record(), request);
                running.attach(observer);
                TransactionRecord joined = running.record();
                return () -> CompletableFuture.completedFuture(joined);
            }
        }
        Optional<TransactionRecord> stored = storedRepeat(request);
        if (stored.isPresent()) {
            TransactionRecord repeat = stored.get();
            requireSameParameters(repeat, request);
            LOG.info("transaction {} repeated by {} request {}; answering from the journal", repeat.id(),
                    request.protocol(), request.requestReference());
            return () -> CompletableFuture.completedFuture(repeat)
                    .whenCompleteAsync((r, e) -> Notify.safely(observer, o -> o.onCompleted(r)), admission);
        }

        TransactionRecord original = command.originalTransactionId() != null ? original(merchant, command) : null;
        String terminalId = original != null ? original.terminalId() : request.terminalId();
        Terminal terminal = terminals.get(terminalId);
        if (terminal == null) {
            throw new PaymentException(PaymentError.UNKNOWN_TERMINAL, "no terminal '" + terminalId + "'");
        }
        requireCapability(terminal, command.kind());
        Money amount = original == null ? command.amount() : resolveAmount(command, original);
        PaymentCommand resolved = new PaymentCommand(command.kind(), amount, command.reference(),
                command.originalTransactionId(), command.subject());

        Instant now = now();
        TransactionRecord created = new TransactionRecord(TransactionIds.next(clock), merchant, terminalId,
                request.protocol(), request.requestReference(), command.kind(), amount, command.reference(),
                command.originalTransactionId(), command.subject(), false, false, TransactionState.CREATED, null,
                now, now);
        ActiveTransaction active = new ActiveTransaction(this, terminal, created);
        if (activeByTerminal.putIfAbsent(terminalId, active) != null) {
            throw new PaymentException(PaymentError.TERMINAL_BUSY,
                    "terminal " + terminalId + " is busy with another transaction");
        }
        activeById.put(created.id(), active);
        keys.forEach(key -> activeByKey.put(key, active));
        active.attach(observer);
        TerminalRequest toTerminal = new TerminalRequest(created.id(), resolved, original, request.affinity());
        return () -> record(active, created, toTerminal);
    }

    /** Journals the new transaction, then hands it to its terminal. */
    private CompletableFuture<TransactionRecord> record(ActiveTransaction active, TransactionRecord created,
            TerminalRequest request) {
        return store.insert(created).handle((ignored, failure) -> {
            if (failure != null) {
                unregister(active, created);
                LOG.error("transaction {} could not be recorded; the terminal was not contacted", created.id(),
                        failure);
                throw new PaymentException(PaymentError.INTERNAL, "the journal refused the transaction");
            }
            return start(active, request, created);
        });
    }

    private TransactionRecord start(ActiveTransaction active, TerminalRequest request, TransactionRecord created) {
        TransactionRecord sent = created.withState(TransactionState.SENT, now());
        recordProgress(sent);
        active.timeout(timer.newTimeout(expired -> active.expire(), settings.transactionTimeout().toMillis(),
                TimeUnit.MILLISECONDS));
        active.sent(sent);
        LOG.debug("transaction {} {} {} sent to terminal {}", sent.id(), sent.kind(), sent.amount(),
                sent.terminalId());
        try {
            active.terminal().execute(request, active);
        } catch (RuntimeException e) {
            LOG.error("terminal {} failed to start transaction {}", sent.terminalId(), sent.id(), e);
            active.onOutcome(TransactionOutcome.of(TransactionResult.FAILED,
                    "TERMINAL_ERROR"));
        }
        return sent;
    }

    /** Persists the settled outcome, then frees the terminal, then tells the observers. */
    void settle(ActiveTransaction active, TransactionRecord settled) {
        CompletableFuture<Void> durable = store.update(settled);
        if (settled.kind() == PaymentKind.CAPTURE && settled.state() == TransactionState.APPROVED) {
            durable = durable.thenCompose(v -> store.findById(settled.originalTransactionId())
                    .map(o -> store.update(o.withCaptured(now())))
                    .orElseGet(() -> CompletableFuture.completedFuture(null)));
        }
        durable.whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.error("ALARM transaction {} outcome {} could not be recorded", settled.id(), settled.state(),
                        failure);
            }
            unregister(active, settled);
            logSettled(settled);
            active.completed(settled);
        });
    }

    void resolveLate(TransactionRecord resolved) {
        LOG.warn("transaction {} resolved late by its terminal: {}", resolved.id(), resolved.state());
        store.update(resolved).whenComplete((v, failure) -> {
            if (failure != null) {
                LOG.error("ALARM late outcome of transaction {} could not be recorded", resolved.id(), failure);
            }
        });
    }

    void lateOutcome(TransactionRecord finalRecord, TransactionOutcome outcome) {
        LOG.error("ALARM terminal {} reported {} for transaction {} which is already {}; ignored",
                finalRecord.terminalId(), outcome.result(), finalRecord.id(), finalRecord.state());
    }

    void recordProgress(TransactionRecord record) {
        store.update(record).whenComplete((v, failure) -> {
            if (failure != null) {
                LOG.warn("transaction {} state {} not recorded: {}", record.id(), record.state(),
                        failure.getMessage());
            }
        });
    }

    Instant now() {
        return clock.instant();
    }

    static boolean capturedAfter(TransactionRecord record, TransactionOutcome outcome) {
        return outcome.isApproved() && record.kind() != PaymentKind.PREAUTH;
    }

    private void unregister(ActiveTransaction active, TransactionRecord record) {
        activeByTerminal.remove(record.terminalId(), active);
        activeById.remove(record.id(), active);
        for (String key : idempotencyKeys(record.merchantId(), record.protocol(), record.reference(),
                record.requestReference())) {
            activeByKey.remove(key, active);
        }
    }

    private void logSettled(TransactionRecord r) {
        TransactionOutcome o = r.outcome();
        LOG.info("transaction {} {} {} on {} for {}: {}{}", r.id(), r.kind(), r.amount(), r.terminalId(),
                r.merchantId(), r.state(), o != null && o.reason() != null ? " (" + o.reason() + ")" : "");
    }

    private CompletableFuture<TransactionRecord> routed(String merchantId, String terminalId, String transactionId,
            Consumer<ActiveTransaction> action) {
        try {
            ActiveTransaction active = activeByTerminal.get(terminalId);
            if (active == null || !active.record().merchantId().equals(merchantId)
                    || (transactionId != null && !transactionId.equals(active.record().id()))) {
                throw new PaymentException(PaymentError.NO_ACTIVE_TRANSACTION,
                        transactionId == null ? "terminal " + terminalId + " runs no transaction"
                                : "transaction " + transactionId + " is not running on terminal " + terminalId);
            }
            action.accept(active);
            return CompletableFuture.completedFuture(active.record());
        } catch (PaymentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static List<String> idempotencyKeys(PaymentRequest request) {
        return idempotencyKeys(request.merchantId(), request.protocol(), request.command().reference(),
                request.requestReference());
    }

    private static List<String> idempotencyKeys(String merchantId, String protocol, String reference,
            String requestReference) {
        List<String> keys = new ArrayList<>(2);
        if (reference != null) {
            keys.add(referenceKey(merchantId, reference));
        }
        if (requestReference != null) {
            keys.add(requestKey(merchantId, protocol, requestReference));
        }
        return keys;
    }

    private Optional<TransactionRecord> storedRepeat(PaymentRequest request) {
        Instant horizon = now().minus(settings.idempotencyWindow());
        Optional<TransactionRecord> found = Optional.empty();
        if (request.command().reference() != null) {
            found = store.findByReference(request.merchantId(), request.command().reference());
        }
        if (found.isEmpty() && request.requestReference() != null) {
            found = store.findByRequestReference(request.merchantId(), request.protocol(),
                    request.requestReference());
        }
        return found.filter(r -> r.createdAt().isAfter(horizon));
    }

    private static void requireSameParameters(TransactionRecord existing, PaymentRequest request) {
        PaymentCommand command = request.command();
        boolean same = existing.kind() == command.kind()
                && (command.amount() == null || existing.amount().equals(command.amount()))
                && (request.terminalId() == null || existing.terminalId().equals(request.terminalId()))
                && Objects.equals(existing.originalTransactionId(), command.originalTransactionId());
        if (!same) {
            throw new PaymentException(PaymentError.IDEMPOTENCY_CONFLICT, "transaction " + existing.id()
                    + " already used this reference with different parameters (" + existing.kind() + " "
                    + existing.amount() + " on " + existing.terminalId() + ")");
        }
    }

    private TransactionRecord original(String merchantId, PaymentCommand command) {
        TransactionRecord original = store.findById(command.originalTransactionId())
                .filter(r -> r.merchantId().equals(merchantId))
                .orElseThrow(() -> new PaymentException(PaymentError.REFERENCE_NOT_FOUND,
                        "no transaction " + command.originalTransactionId()));
        if (original.state() != TransactionState.APPROVED
                || !(original.kind() == PaymentKind.SALE || original.kind() == PaymentKind.PREAUTH)) {
            throw new PaymentException(PaymentError.INVALID_REQUEST, "transaction " + original.id() + " is a "
                    + original.state() + " " + original.kind() + "; only an approved payment can be "
                    + (command.kind() == PaymentKind.CAPTURE ? "captured" : "refunded"));
        }
        if (command.kind() == PaymentKind.CAPTURE && (original.kind() != PaymentKind.PREAUTH || original.captured())) {
            throw new PaymentException(PaymentError.INVALID_REQUEST,
                    "transaction " + original.id() + " is already captured");
        }
        if (command.kind() == PaymentKind.REFUND && !original.captured()) {
            throw new PaymentException(PaymentError.INVALID_REQUEST,
                    "transaction " + original.id() + " is not captured; it cannot be refunded");
        }
        return original;
    }

    private Money resolveAmount(PaymentCommand command, TransactionRecord original) {
        Money approved = original.outcome() != null && original.outcome().approvedAmount() != null
                ? original.outcome().approvedAmount() : original.amount();
        Money available = approved;
        if (command.kind() == PaymentKind.REFUND) {
            for (TransactionRecord refund : store.findByOriginal(original.id())) {
                if (refund.kind() == PaymentKind.REFUND && refund.state() == TransactionState.APPROVED) {
                    available = available.minus(refund.amount());
                }
            }
        }
        Money amount = command.amount() == null ? available : command.amount();
        if (!amount.currency().equals(approved.currency())) {
            throw new PaymentException(PaymentError.INVALID_REQUEST, "currency " + amount.currency()
                    + " differs from the original transaction's " + approved.currency());
        }
        if (!amount.isPositive() || amount.compareTo(available) > 0) {
            throw new PaymentException(PaymentError.INVALID_REQUEST, "amount " + amount + " exceeds the "
                    + available + " still available on transaction " + original.id());
        }
        return amount;
    }

    private static void requireCapability(Terminal terminal, PaymentKind kind) {
        TerminalCapabilities capabilities = terminal.capabilities();
        boolean supported = switch (kind) {
            case REFUND -> capabilities.refund();
            case REVERSAL -> capabilities.reversal();
            default -> true;
        };
        if (!supported) {
            throw new PaymentException(PaymentError.UNSUPPORTED,
                    "terminal " + terminal.id() + " does not support " + kind);
        }
    }

    private static String referenceKey(String merchantId, String reference) {
        return "ref\u0000" + merchantId + '\u0000' + reference;
    }

    private static String requestKey(String merchantId, String protocol, String requestReference) {
        return "req\u0000" + merchantId + '\u0000' + protocol + '\u0000' + requestReference;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        admission.shutdownNow();
        timer.stop();
        terminals.values().forEach(Terminal::close);
    }
}
