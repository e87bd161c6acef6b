package io.tillgate.app;

import io.tillgate.admin.GatewayInfo;
import io.tillgate.app.admin.AdminConsole;
import io.tillgate.app.admin.GatewayTerminalBoard;
import io.tillgate.app.config.ConfigChanges;
import io.tillgate.app.config.GatewaySettings;
import io.tillgate.app.config.GatewaySettings.FrontEndSpec;
import io.tillgate.app.config.GatewaySettings.TerminalSpec;
import io.tillgate.app.metrics.GatewayMetrics;
import io.tillgate.core.health.TerminalMonitor;
import io.tillgate.core.merchant.Merchant;
import io.tillgate.core.merchant.MerchantDirectory;
import io.tillgate.core.service.PaymentService;
import io.tillgate.core.terminal.Terminal;
import io.tillgate.p3.codec.P3Device;
import io.tillgate.p3.server.P3Server;
import io.tillgate.transport.FrontEnd;
import io.tillgate.transport.ServerTransport;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of a running gateway a configuration reload may change — its terminals, merchants and
 * front-ends — and how a reload changes it without dropping a running transaction:
 *
 * <ul>
 *   <li>an added terminal is put in service at once, and listed to its merchants' P3 logins;</li>
 *   <li>a removed one refuses new transactions at once, finishes its running one, then closes;</li>
 *   <li>a changed one is removed and added again once idle, refusing new transactions as busy meanwhile;</li>
 *   <li>the merchants, with the terminals each may use, are swapped as one for every P3 connection;</li>
 *   <li>an added front-end listens at once; a removed one closes once its terminal is idle; one moved to
 *       another port listens there first, so a port that cannot be bound leaves the old one working.</li>
 * </ul>
 *
 * <p>Waiting for a terminal to become idle never holds a thread: what follows runs on this class's
 * own thread once the payment service says so. Work on one terminal id runs in order, so a second
 * reload that touches a terminal still finishing after the first waits for it.
 */
final class Reconfiguration implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final Terminals drivers;
    private final PaymentService payments;
    private final TerminalMonitor health;
    /** {@code null} when P3 is off. */
    private final P3Server p3;
    private final GatewayTerminalBoard board;
    /** {@code null} when metrics are off. */
    private final GatewayMetrics metrics;
    private final ServerTransport transport;
    private final Clock clock;
    private final ExecutorService deferred = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tillgate-reload");
        thread.setDaemon(true);
        return thread;
    });

    /** The terminals in service, by id; guarded by {@code this} for changes. */
    private final Map<String, Terminal> terminals = new ConcurrentHashMap<>();
    /** Terminals withdrawn but still finishing a transaction; closed with the gateway if it stops first. */
    private final Set<Terminal> withdrawing = ConcurrentHashMap.newKeySet();
    /** The open front-ends, by the entry that configured each; guarded by {@code this}. */
    private final Map<FrontEndSpec, FrontEnd> frontEnds = new LinkedHashMap<>();
    /** The last piece of work on each terminal id; guarded by {@code this}. */
    private final Map<String, CompletableFuture<Void>> terminalWork = new HashMap<>();
    /** Guarded by {@code this}. */
    private GatewaySettings current;
    private volatile long generation = 1;
    private volatile Instant loadedAt;
    private volatile GatewayInfo.Configuration shown;

    Reconfiguration(GatewaySettings started, List<Terminal> terminals, Terminals drivers, PaymentService payments,
            TerminalMonitor health, P3Server p3, GatewayTerminalBoard board, GatewayMetrics metrics,
            ServerTransport transport, Clock clock) {
        this.current = started;
        terminals.forEach(t -> this.terminals.put(t.id(), t));
        this.drivers = drivers;
        this.payments = payments;
        this.health = health;
        this.p3 = p3;
        this.board = board;
        this.metrics = metrics;
        this.transport = transport;
        this.clock = clock;
        this.loadedAt = clock.instant();
        this.shown = shown(generation, loadedAt, started);
    }

    /** Builds the configured front-ends; {@link #openFrontEnds()} opens them. */
    synchronized void createFrontEnds() {
        for (FrontEndSpec spec : current.frontEnds()) {
            frontEnds.put(spec, FrontEnds.create(spec, current, payments, transport));
        }
    }

    /** Each front-end logs where it listens, in its protocol's terms. */
    synchronized void openFrontEnds() {
        frontEnds.values().forEach(FrontEnd::open);
    }

    synchronized List<Terminal> terminals() {
        return current.terminals().stream().map(t -> terminals.get(t.id())).filter(t -> t != null).toList();
    }

    synchronized Map<FrontEndSpec, FrontEnd> frontEnds() {
        return Map.copyOf(frontEnds);
    }

    long generation() {
        return generation;
    }

    /** The running configuration as the admin API shows it; read on event loops, so never waits for a reload. */
    /** The configuration in force: as started, or as the last applied reload left it. */
    synchronized GatewaySettings settings() {
        return current;
    }

    GatewayInfo.Configuration configuration() {
        return shown;
    }

    private static GatewayInfo.Configuration shown(long generation, Instant loadedAt, GatewaySettings settings) {
        return new GatewayInfo.Configuration(generation, loadedAt,
                settings.merchants().stream().map(Merchant::id).toList());
    }

    Instant loadedAt() {
        return loadedAt;
    }

    /** The P3 description of each terminal, by terminal id. */
    static Map<String, P3Device> devices(GatewaySettings settings) {
        Map<String, P3Device> devices = new LinkedHashMap<>();
        for (TerminalSpec spec : settings.terminals()) {
            devices.put(spec.id(), P3Device.of(spec.name(), spec.id(), Terminals.p3Type(spec),
                    Terminals.p3Comlink(spec)));
        }
        return devices;
    }

    /** Applies the merchants, terminals and front-ends of {@code next}; its other settings wait for a restart. */
    synchronized Reload apply(GatewaySettings next) {
        ConfigChanges changes = ConfigChanges.between(current, next);
        GatewaySettings applied = current.withInventoryOf(next);
        List<CompletableFuture<Void>> settling = new ArrayList<>();
        if (metrics != null) {
            // Before the added terminals' first probe, which reports to their gauges.
            metrics.terminalsConfigured(applied.terminals().stream().map(TerminalSpec::id).toList());
        }
        for (TerminalSpec added : changes.addedTerminals()) {
            settling.add(onTerminal(added.id(), () -> add(added)));
        }
        List<FrontEndSpec> frontEndsInForce = new ArrayList<>(applied.frontEnds());
        settling.addAll(swapFrontEnds(changes, applied, frontEndsInForce));
        applied = applied.withFrontEnds(frontEndsInForce);
        current = applied;
        if (p3 != null) {
            p3.reconfigure(new MerchantDirectory(applied.merchants()), devices(applied));
        }
        for (String removed : changes.removedTerminals()) {
            settling.add(onTerminal(removed, () -> withdraw(removed)));
        }
        for (TerminalSpec changed : changes.changedTerminals()) {
            settling.add(onTerminal(changed.id(), () -> replace(changed)));
        }
        board.configured(AdminConsole.entries(applied));
        generation++;
        loadedAt = clock.instant();
        shown = shown(generation, loadedAt, applied);
        if (metrics != null) {
            metrics.configurationLoaded(generation, loadedAt);
            metrics.configurationReloaded(true);
        }
        LOG.info("configuration reloaded (generation {}): {}", generation, changes.summary());
        if (!changes.needsRestart().isEmpty()) {
            LOG.warn("configuration reload: {} changed but take(s) effect only after a restart; the running "
                    + "values stay until then", String.join(", ", changes.needsRestart()));
        }
        return new Reload(generation, loadedAt, changes,
                CompletableFuture.allOf(settling.toArray(CompletableFuture[]::new)));
    }

    /** Counts a reload the file's problems refused. */
    void refused() {
        if (metrics != null) {
            metrics.configurationReloaded(false);
        }
    }

    /** Runs {@code work} now, or after the work already pending on the same terminal id. */
    private CompletableFuture<Void> onTerminal(String terminalId, Supplier<CompletableFuture<Void>> work) {
        CompletableFuture<Void> before = terminalWork.get(terminalId);
        CompletableFuture<Void> after = before == null || before.isDone() ? attempt(work)
                : before.handle((ignored, failure) -> null).thenComposeAsync(ignored -> locked(work), deferred);
        terminalWork.put(terminalId, after);
        return after;
    }

    private CompletableFuture<Void> locked(Supplier<CompletableFuture<Void>> work) {
        synchronized (this) {
            return attempt(work);
        }
    }

    private static CompletableFuture<Void> attempt(Supplier<CompletableFuture<Void>> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Void> add(TerminalSpec spec) {
        try {
            Terminal terminal = drivers.create(spec);
            terminals.put(spec.id(), terminal);
            payments.addTerminal(terminal);
            health.watch(terminal);
            LOG.info("terminal {} ({}) added: it takes payments", spec.id(), spec.type());
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            LOG.error("configuration reload: terminal {} could not be added: {}", spec.id(), e.getMessage(), e);
            throw e;
        }
    }

    private CompletableFuture<Void> withdraw(String terminalId) {
        Terminal leaving = terminals.remove(terminalId);
        if (leaving != null) {
            withdrawing.add(leaving);
        }
        health.forget(terminalId);
        payments.runningTransaction(terminalId).ifPresent(running -> LOG.info("terminal {} removed: it takes no new "
                + "transaction, and closes once transaction {} has finished", terminalId, running));
        return payments.withdrawTerminal(terminalId, false).thenAcceptAsync(withdrawn -> {
            withdrawn.ifPresent(this::closeWithdrawn);
            LOG.info("terminal {} removed and closed", terminalId);
        }, deferred);
    }

    private CompletableFuture<Void> replace(TerminalSpec spec) {
        String id = spec.id();
        Terminal leaving = terminals.remove(id);
        if (leaving != null) {
            withdrawing.add(leaving);
        }
        payments.runningTransaction(id).ifPresent(running -> LOG.info("terminal {} changed: it takes no new "
                + "transaction until transaction {} has finished and it is reconfigured", id, running));
        return payments.withdrawTerminal(id, true).thenAcceptAsync(withdrawn -> {
            synchronized (this) {
                withdrawn.ifPresent(this::closeWithdrawn);
                health.forget(id);
                try {
                    Terminal terminal = drivers.create(spec);
                    terminals.put(id, terminal);
                    payments.addTerminal(terminal);
                    health.watch(terminal);
                } catch (RuntimeException e) {
                    LOG.error("configuration reload: terminal {} could not be rebuilt with its new settings, and "
                            + "takes no transaction until the next reload or restart: {}", id, e.getMessage(), e);
                    throw e;
                }
            }
            LOG.info("terminal {} reconfigured: it takes payments with its new settings", id);
        }, deferred);
    }

    private void closeWithdrawn(Terminal terminal) {
        withdrawing.remove(terminal);
        drivers.close(terminal);
    }

    /**
     * Opens the added front-ends and closes the removed ones once their terminal runs nothing. One
     * moved to another port (same protocol and terminal) listens there first: if that port cannot be
     * bound, the old one goes on and its entry is kept in {@code frontEndsInForce}. An added one on a
     * port a removed one frees opens once that one is closed.
     */
    private List<CompletableFuture<Void>> swapFrontEnds(ConfigChanges changes, GatewaySettings applied,
            List<FrontEndSpec> frontEndsInForce) {
        List<CompletableFuture<Void>> settling = new ArrayList<>();
        List<FrontEndSpec> toOpen = new ArrayList<>(changes.addedFrontEnds());
        Map<Integer, CompletableFuture<Void>> freeing = new HashMap<>();
        for (FrontEndSpec removed : changes.removedFrontEnds()) {
            FrontEnd leaving = frontEnds.get(removed);
            if (leaving == null) {
                continue;
            }
            FrontEndSpec moved = toOpen.stream().filter(a -> a.protocol() == removed.protocol()
                    && a.terminalId().equals(removed.terminalId()) && a.port() != removed.port()
                    && changes.removedFrontEnds().stream().noneMatch(r -> r.port() == a.port()))
                    .findFirst().orElse(null);
            if (moved != null) {
                toOpen.remove(moved);
                CompletableFuture<Void> opened = attempt(() -> open(moved, applied));
                settling.add(opened);
                if (opened.isCompletedExceptionally()) {
                    LOG.error("configuration reload: the {} front-end for terminal {} keeps listening on port {}",
                            removed.protocol().configName(), removed.terminalId(), removed.port());
                    frontEndsInForce.set(frontEndsInForce.indexOf(moved), removed);
                    continue;
                }
            }
            frontEnds.remove(removed);
            String where = where(leaving, removed);
            CompletableFuture<Void> closed = payments.whenIdle(removed.terminalId()).thenRunAsync(() -> {
                leaving.close();
                LOG.info("{} front-end on {} for terminal {} closed", removed.protocol().configName(), where,
                        removed.terminalId());
            }, deferred);
            if (removed.port() != 0) {
                freeing.put(removed.port(), closed);
            }
            settling.add(closed);
        }
        for (FrontEndSpec added : toOpen) {
            CompletableFuture<Void> portFreed = freeing.get(added.port());
            settling.add(portFreed == null ? attempt(() -> open(added, applied))
                    : portFreed.thenComposeAsync(ignored -> locked(() -> open(added, applied)), deferred));
        }
        return settling;
    }

    private static String where(FrontEnd frontEnd, FrontEndSpec spec) {
        try {
            return frontEnd.addresses().get(0).toString();
        } catch (IllegalStateException notOpen) {
            return "port " + spec.port();
        }
    }

    private CompletableFuture<Void> open(FrontEndSpec spec, GatewaySettings applied) {
        FrontEnd frontEnd = FrontEnds.create(spec, applied, payments, transport);
        try {
            frontEnd.open();
        } catch (RuntimeException e) {
            frontEnd.close();
            LOG.error("configuration reload: {} front-end for terminal {} could not listen on port {}: {}",
                    spec.protocol().configName(), spec.terminalId(), spec.port(), e.getMessage());
            throw e;
        }
        frontEnds.put(spec, frontEnd);
        return CompletableFuture.completedFuture(null);
    }

    /** Stops reloading and closes the front-ends: the first step of closing the gateway. */
    synchronized void closeFrontEnds() {
        deferred.shutdownNow();
        frontEnds.values().forEach(FrontEnd::close);
    }

    /** Closes the terminals, those still finishing a transaction included. */
    @Override
    public synchronized void close() {
        deferred.shutdownNow();
        terminals.values().forEach(Terminal::close);
        withdrawing.forEach(Terminal::close);
    }
}
