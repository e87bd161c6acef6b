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
import io.tillgate.core.terminal.TerminalRequest;
import io.tillgate.core.transaction.FencedWriteException;
import io.tillgate.core.transaction.TransactionMdc;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 * What every front-end has in common: one transaction at a time per terminal, the same message sent
 * again naming its first transaction, the rules of the POS's reference ({@link ReferenceRule}),
 * timeouts, abort and answer routing, and the journal order — recorded before the terminal is
 * contacted, outcome recorded before any POS is told.
 *
 * <p>All entry points return at once. Admission reads the store, so it runs on one admission
 * thread and callers on a Netty event loop never block, unless the store answers at once from
 * memory; then it runs on the caller's thread. Either way idempotency checks never race.
 *
 * <p>Each step of a transaction, on whichever thread it runs, has the transaction's id in the log
 * context ({@link TransactionMdc}).
 */
public final class PaymentService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentService.class);
    /** How late a transaction timeout may fire; timeouts are minutes long. */
    private static final long TIMER_TICK_MILLIS = 100;

    private final Map<String, Terminal> terminals;
    private final TransactionStore store;
    private final PaymentServiceSettings settings;
    private final Clock clock;
    private final TerminalPlacement placement;
    private final ExecutorService admission;
    private final Object admissionLock = new Object();
    private final Timer timer;
    private final UnfinishedRecovery recovery;
    private final FollowOnRules followOns;
    private final IdempotencyKeys keys;
    private final ForwardedTransactions forwarded;

    private final RunningTransactions running = new RunningTransactions();
    /**
     * Terminals a reload took out of service, refusing new transactions while their running one
     * finishes: {@code true} when the same id comes back (reconfigured), {@code false} when removed.
     * Changed under the admission lock.
     */
    private final Map<String, Boolean> withdrawn = new ConcurrentHashMap<>();
    /** Who waits for a terminal to run nothing ({@link #whenIdle}), by terminal id. */
    private final Map<String, List<CompletableFuture<Void>>> idleWaiters = new ConcurrentHashMap<>();
    /** Set once, under the admission lock, by {@link #stopAdmitting()}. */
    private volatile boolean stopping;
    /** Completes once stopping and no transaction runs any more. */
    private final CompletableFuture<Void> idle = new CompletableFuture<>();

    public PaymentService(List<? extends Terminal> terminals, TransactionStore store, PaymentServiceSettings settings,
            Clock clock) {
        this(terminals, store, settings, clock, TerminalPlacement.LOCAL, null);
    }

    /**
     * A payment service that drives only the terminals {@code placement} places here: a cluster
     * node. Requests for the others go to their holder through {@code forwarder}, or are refused with
     * {@link PaymentError#TERMINAL_ELSEWHERE} when it is {@code null} or cannot reach one.
     */
    public PaymentService(List<? extends Terminal> terminals, TransactionStore store, PaymentServiceSettings settings,
            Clock clock, TerminalPlacement placement, RequestForwarder forwarder) {
        Map<String, Terminal> byId = new ConcurrentHashMap<>();
        for (Terminal terminal : terminals) {
            if (byId.putIfAbsent(terminal.id(), terminal) != null) {
                throw new IllegalArgumentException("terminal id '" + terminal.id() + "' is configured twice");
            }
        }
        this.terminals = byId;
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.placement = Objects.requireNonNull(placement, "placement");
        this.admission = Executors.newSingleThreadExecutor(daemon("tillgate-admission"));
        // A wheel rather than a scheduled executor: almost every timeout is cancelled, and adding
        // one to a wheel never wakes its thread, where a scheduled executor's thread is woken by
        // every transaction that starts while no other one is running.
        this.timer = new HashedWheelTimer(daemon("tillgate-timeouts"), TIMER_TICK_MILLIS, TimeUnit.MILLISECONDS);
        this.followOns = new FollowOnRules(store);
        this.keys = new IdempotencyKeys(store, running, terminalId -> placement.elsewhere(terminalId).isPresent());
        this.recovery = new UnfinishedRecovery(this.terminals, store, settings, clock, admission);
        this.forwarded = new ForwardedTransactions(forwarder, placement, store, clock, admission, this::completeIfIdle);
    }

    public PaymentService(List<? extends Terminal> terminals, TransactionStore store) {
        this(terminals, store, PaymentServiceSettings.defaults(), Clock.systemUTC());
    }

    public Optional<Terminal> terminal(String terminalId) {
        return Optional.ofNullable(terminals.get(terminalId));
    }

    /**
     * Puts a terminal in service (a configuration reload added it, or brought a reconfigured one
     * back): from now on it takes transactions.
     *
     * @throws IllegalArgumentException when a terminal with its id is already in service
     */
    public void addTerminal(Terminal terminal) {
        Objects.requireNonNull(terminal, "terminal");
        synchronized (admissionLock) {
            if (terminals.putIfAbsent(terminal.id(), terminal) != null) {
                throw new IllegalArgumentException("terminal id '" + terminal.id() + "' is already in service");
            }
            withdrawn.remove(terminal.id());
        }
    }

    /**
     * Takes a terminal out of service for a configuration reload: new transactions on it are refused
     * at once, {@link PaymentError#UNKNOWN_TERMINAL} when it was removed, {@link PaymentError#TERMINAL_BUSY}
     * while it is reconfigured ({@code returning}: the same id comes back through {@link #addTerminal}).
     * Its running transaction, if any, goes on to its outcome, and a message sent again still names it.
     * Completes with the withdrawn terminal once it runs nothing, for the caller to close; empty when no
     * terminal had the id.
     */
    public CompletableFuture<Optional<Terminal>> withdrawTerminal(String terminalId, boolean returning) {
        Terminal terminal;
        synchronized (admissionLock) {
            terminal = terminals.remove(terminalId);
            if (terminal != null) {
                withdrawn.put(terminalId, returning);
            }
        }
        if (terminal == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return whenIdle(terminalId).thenApply(idle -> Optional.of(terminal));
    }

    /**
     * Completes once the terminal runs no transaction: at once when it runs none now. A terminal in
     * service may start another one right after; withdraw it first to keep it idle.
     */
    public CompletableFuture<Void> whenIdle(String terminalId) {
        CompletableFuture<Void> idle = new CompletableFuture<>();
        idleWaiters.compute(terminalId, (id, waiting) -> {
            List<CompletableFuture<Void>> list = waiting == null ? new ArrayList<>() : waiting;
            list.add(idle);
            return list;
        });
        // Registered before looking, and told after every unregistration: one of the two sees the other.
        if (running.onTerminal(terminalId) == null) {
            tellIdle(terminalId);
        }
        return idle;
    }

    /** Tells who waits for the terminal, once it runs nothing and its last outcome has been handed on. */
    private void idleIfNothingRuns(String terminalId) {
        if (running.onTerminal(terminalId) == null) {
            tellIdle(terminalId);
        }
    }

    private void tellIdle(String terminalId) {
        List<CompletableFuture<Void>> waiters = idleWaiters.remove(terminalId);
        if (waiters != null) {
            waiters.forEach(waiter -> waiter.complete(null));
        }
    }

    /** The id of the transaction the terminal runs, if it runs one; what a health probe must wait for. */
    public Optional<String> runningTransaction(String terminalId) {
        ActiveTransaction active = running.onTerminal(terminalId);
        return active == null ? Optional.empty() : Optional.of(active.record().id());
    }

    /** The transactions terminals are working on now, as a POS may see them. */
    public List<TransactionRecord> runningTransactions() {
        return running.all().stream().map(ActiveTransaction::visibleRecord).toList();
    }

    /**
     * Starts a graceful stop: from now on every new transaction is refused with
     * {@link PaymentError#SHUTTING_DOWN}, while the running ones go on, and a message sent again still
     * names its transaction. Completes once no transaction runs and every outcome has been handed to
     * its observers; at once when none runs.
     */
    public CompletableFuture<Void> stopAdmitting() {
        synchronized (admissionLock) {
            stopping = true;
        }
        completeIfIdle();
        return idle.copy();
    }

    /** Whether new transactions are taken: true until {@link #stopAdmitting()}. */
    public boolean admitting() {
        return !stopping;
    }

    /**
     * Runs a payment command, or joins or repeats the transaction its message identity or, as
     * {@link ReferenceRule} says, its POS reference already names.
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
        if (running.onTerminal(terminalId) == null && forwarded.runsOn(terminalId)) {
            return forwarded.abort(merchantId, terminalId, transactionId);
        }
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
        if (running.onTerminal(terminalId) == null && forwarded.runsOn(terminalId)) {
            return forwarded.answer(merchantId, terminalId, answer);
        }
        return routed(merchantId, terminalId, null, active -> active.answer(answer));
    }

    /**
     * Resolves what an earlier run left unfinished, before any front-end accepts work: each
     * transaction that never reached a final state is asked of its terminal where the protocol
     * has a status query, and otherwise becomes {@link TransactionState#UNKNOWN} for an operator.
     * Completes with the transactions as they are afterwards.
     */
    public CompletableFuture<List<TransactionRecord>> recoverUnfinished() {
        return recovery.recover(terminalId -> true, UnfinishedRecovery.Occasion.RESTART);
    }

    /**
     * As {@link #recoverUnfinished()}, for the transactions of the given terminals only: what a
     * cluster node does at start-up and when it takes terminals over from a node that stopped.
     */
    public CompletableFuture<List<TransactionRecord>> recoverUnfinished(Set<String> terminalIds, boolean takeOver) {
        Set<String> scope = Set.copyOf(terminalIds);
        return recovery.recover(scope::contains,
                takeOver ? UnfinishedRecovery.Occasion.TAKE_OVER : UnfinishedRecovery.Occasion.RESTART);
    }

    /** Stops telling {@code observer} about a transaction (its POS went away); the transaction goes on. */
    public void detach(String transactionId, TransactionObserver observer) {
        ActiveTransaction active = running.withId(transactionId);
        if (active != null) {
            active.detach(observer);
        } else {
            forwarded.detach(transactionId, observer);
        }
    }

    /** Finds one of the merchant's transactions, running or stored. */
    public CompletableFuture<Optional<TransactionRecord>> find(String merchantId, TransactionLookup lookup) {
        return CompletableFuture.supplyAsync(() -> TransactionFinder.find(running, store, merchantId, lookup),
                admission);
    }

    /**
     * Decides under the admission lock, so that two requests with the same message identity or a
     * running POS reference can never both start a transaction, then records and starts a new one outside it.
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
        Optional<TransactionRecord> joinedElsewhere = forwarded.join(request, observer);
        if (joinedElsewhere.isPresent()) {
            return () -> CompletableFuture.completedFuture(joinedElsewhere.get());
        }
        Optional<IdempotencyKeys.Earlier> earlier = keys.earlier(request, idempotencyHorizon());
        if (earlier.isEmpty()) {
            return register(request, observer);
        }
        if (earlier.get() instanceof IdempotencyKeys.Running running) {
            running.active().attach(observer);
            TransactionRecord joined = running.active().record();
            return () -> CompletableFuture.completedFuture(joined);
        }
        TransactionRecord stored = ((IdempotencyKeys.Stored) earlier.get()).record();
        if (keys.runsElsewhere(stored)) {
            return forwarded.joinAtHolder(request, stored, observer).orElseThrow(() -> new PaymentException(
                    PaymentError.TERMINAL_BUSY, "transaction " + stored.id() + ", named by " + earlier.get().named()
                    + ", is still running on terminal " + stored.terminalId()
                    + ", driven by another node of the cluster; query it, or try again once it is done"));
        }
        TransactionMdc.run(stored.id(), () -> LOG.info("transaction {} named again by {}; answering from the journal",
                stored.id(), earlier.get().named()));
        return () -> CompletableFuture.completedFuture(stored).whenCompleteAsync((r, e) -> TransactionMdc.run(r.id(),
                () -> Notify.safely(observer, o -> o.onCompleted(r))), admission);
    }

    /** Registers a new transaction on its terminal; journaling and starting it is left to do. */
    private Supplier<CompletableFuture<TransactionRecord>> register(PaymentRequest request,
            TransactionObserver observer) {
        if (stopping) {
            throw new PaymentException(PaymentError.SHUTTING_DOWN,
                    "the gateway is shutting down and starts no new transaction; try again once it is back");
        }
        String merchant = request.merchantId();
        PaymentCommand command = request.command();
        TransactionRecord original = command.originalTransactionId() != null
                ? followOns.original(merchant, command) : null;
        String terminalId = original != null ? original.terminalId() : request.terminalId();
        Terminal terminal = terminals.get(terminalId);
        if (terminal == null) {
            throw notInService(terminalId);
        }
        Optional<String> elsewhere = placement.elsewhere(terminalId);
        if (elsewhere.isPresent()) {
            return forwarded.forward(request, terminalId, elsewhere.get(), observer);
        }
        FollowOnRules.requireCapability(terminal, command.kind());
        Money amount = original == null ? command.amount() : followOns.amount(command, original);
        PaymentCommand resolved = new PaymentCommand(command.kind(), amount, command.reference(),
                command.originalTransactionId(), command.subject());

        Instant now = now();
        TransactionRecord created = new TransactionRecord(TransactionIds.next(clock), merchant, terminalId,
                request.protocol(), request.requestReference(), command.kind(), amount, command.reference(),
                command.originalTransactionId(), command.subject(), false, false, TransactionState.CREATED, null,
                now, now);
        ActiveTransaction active = new ActiveTransaction(this, terminal, created);
        if (!running.register(active)) {
            throw new PaymentException(PaymentError.TERMINAL_BUSY,
                    "terminal " + terminalId + " is busy with another transaction");
        }
        active.attach(observer);
        TerminalRequest toTerminal = new TerminalRequest(created.id(), resolved, original, request.affinity());
        return () -> record(active, created, toTerminal);
    }

    private PaymentException notInService(String terminalId) {
        Boolean returning = withdrawn.get(terminalId);
        if (returning == null) {
            return new PaymentException(PaymentError.UNKNOWN_TERMINAL, "no terminal '" + terminalId + "'");
        }
        return returning
                ? new PaymentException(PaymentError.TERMINAL_BUSY, "terminal " + terminalId
                        + " is being reconfigured and finishes its running transaction first; try again shortly")
                : new PaymentException(PaymentError.UNKNOWN_TERMINAL, "terminal " + terminalId
                        + " was removed from the configuration and takes no new transaction");
    }

    /** Journals the new transaction, then hands it to its terminal. */
    private CompletableFuture<TransactionRecord> record(ActiveTransaction active, TransactionRecord created,
            TerminalRequest request) {
        return store.insert(created).handle((ignored, failure) -> TransactionMdc.call(created.id(), () -> {
            if (failure != null) {
                running.unregister(active);
                idleIfNothingRuns(created.terminalId());
                completeIfIdle();
                throw JournalRefusals.of(created, failure);
            }
            return start(active, request, created);
        }));
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
        durable.whenComplete((ignored, failure) -> TransactionMdc.run(settled.id(), () -> {
            if (unwrap(failure) instanceof FencedWriteException fenced) {
                LOG.error("ALARM transaction {} outcome {} not recorded: {}", settled.id(), settled.state(),
                        fenced.getMessage());
                CompletableFuture.supplyAsync(() -> store.findById(settled.id()), admission)
                        .handle((stored, readFailure) -> stored == null ? Optional.<TransactionRecord>empty() : stored)
                        .thenAccept(stored -> TransactionMdc.run(settled.id(), () -> finish(active,
                                stored.filter(r -> r.isFinal() || r.state() == TransactionState.UNKNOWN)
                                        .orElse(settled))));
                return;
            }
            if (failure != null) {
                LOG.error("ALARM transaction {} outcome {} could not be recorded", settled.id(), settled.state(),
                        failure);
            }
            finish(active, settled);
        }));
    }

    /**
     * Frees the terminal and tells the observers. After a take-over the POS hears what the journal
     * holds once the new holder has recovered it (an outcome, or UNKNOWN for an operator), rather
     * than an outcome the journal refused.
     */
    private void finish(ActiveTransaction active, TransactionRecord settled) {
        running.unregister(active);
        logSettled(settled);
        active.completed(settled);
        // After the observers: a front-end closed once its terminal is idle has written its answer.
        idleIfNothingRuns(settled.terminalId());
        completeIfIdle();
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private void completeIfIdle() {
        if (stopping && running.isEmpty() && forwarded.isEmpty()) {
            idle.complete(null);
        }
    }

    void resolveLate(TransactionRecord resolved) {
        LOG.warn("transaction {} resolved late by its terminal: {}", resolved.id(), resolved.state());
        store.update(resolved).whenComplete((v, failure) -> {
            if (failure != null) {
                TransactionMdc.run(resolved.id(), () -> LOG.error(
                        "ALARM late outcome of transaction {} could not be recorded", resolved.id(), failure));
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
                TransactionMdc.run(record.id(), () -> LOG.warn("transaction {} state {} not recorded: {}",
                        record.id(), record.state(), failure.getMessage()));
            }
        });
    }

    Instant now() {
        return clock.instant();
    }

    static boolean capturedAfter(TransactionRecord record, TransactionOutcome outcome) {
        return outcome.isApproved() && record.kind() != PaymentKind.PREAUTH;
    }

    private void logSettled(TransactionRecord r) {
        TransactionOutcome o = r.outcome();
        LOG.info("transaction {} {} {} on {} for {}: {}{}", r.id(), r.kind(), r.amount(), r.terminalId(),
                r.merchantId(), r.state(), o != null && o.reason() != null ? " (" + o.reason() + ")" : "");
    }

    private CompletableFuture<TransactionRecord> routed(String merchantId, String terminalId, String transactionId,
            Consumer<ActiveTransaction> action) {
        try {
            ActiveTransaction active = running.onTerminal(terminalId);
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

    private Instant idempotencyHorizon() {
        return now().minus(settings.idempotencyWindow());
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
