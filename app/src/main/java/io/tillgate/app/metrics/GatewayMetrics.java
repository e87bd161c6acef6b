package io.tillgate.app.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tillgate.admin.MetricsSource;
import io.tillgate.admin.auth.SignInObserver;
import io.tillgate.core.transaction.PublishingTransactionStore;
import io.tillgate.journal.CommitObserver;
import io.tillgate.p3.server.LoginObserver;
import io.tillgate.transport.ServerTransport;
import java.time.Instant;
import java.util.Collection;

/**
 * The gateway's metrics, for Prometheus: transactions settled by protocol, terminal, kind and
 * outcome with their durations, unresolved transactions, open connections per listener, journal
 * commits, failed logins and lock-outs, terminals up or down, the running configuration's generation
 * and reloads, and the JVM's and the process's own.
 *
 * <p>Each source has a binder of its own, fed the cheapest way it allows: the journal's feed and
 * commits and the login throttle push counts as they happen, connections are read when scraped.
 * Tags take values from bounded sets only (protocols, configured terminals, listeners, kinds and
 * outcomes), never a transaction id or a reference. {@link #scrape()} is what an HTTP listener
 * serves at {@code /metrics}, with {@link #CONTENT_TYPE}.
 *
 * <p>Thread-safe. Nothing here blocks but {@link #watch(PublishingTransactionStore)}, which reads the
 * journal once.
 */
public final class GatewayMetrics implements MetricsSource, AutoCloseable {

    /** The content type of {@link #scrape()}: Prometheus's text exposition format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** The listener tag of the P3 server's failed logins. */
    public static final String P3_LOGINS = "P3";
    /** The listener tag of the admin listener's refused sign-ins. */
    public static final String ADMIN_LOGINS = "admin";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics garbageCollection = new JvmGcMetrics();
    private final TransactionMetrics transactions = new TransactionMetrics(registry);
    private final JournalMetrics journal = new JournalMetrics(registry);
    private final LoginMetrics logins = new LoginMetrics(registry);
    private final TerminalMetrics terminals;
    private final ConfigMetrics configuration = new ConfigMetrics(registry);
    private volatile ConnectionMetrics connections;

    /** @param terminalIds the configured terminals, each of which gets an up/down gauge */
    public GatewayMetrics(Collection<String> terminalIds) {
        this.terminals = new TerminalMetrics(registry, terminalIds);
        new JvmMemoryMetrics().bindTo(registry);
        garbageCollection.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /**
     * Counts the transactions {@code journal} records from now on, starting from the unresolved ones
     * it holds. Call it once, before the gateway takes work or recovers anything: it reads the
     * database, so never on an event loop.
     */
    public void watch(PublishingTransactionStore journal) {
        transactions.seed(journal);
        journal.subscribe(transactions);
    }

    /** Reports the open connections of every listener {@code transport} binds. */
    public void watch(ServerTransport transport) {
        connections = new ConnectionMetrics(registry, transport);
    }

    /** What the journal tells of its commits; pass it when opening the journal. */
    public CommitObserver journalCommits() {
        return journal;
    }

    /** What the admin listener tells of its refused sign-ins; counted under {@link #ADMIN_LOGINS}. */
    public SignInObserver adminSignIns() {
        return new SignInObserver() {
            @Override
            public void failed() {
                loginFailed(ADMIN_LOGINS);
            }

            @Override
            public void lockedOut(String account) {
                GatewayMetrics.this.lockedOut(ADMIN_LOGINS);
            }
        };
    }

    /** What the P3 server tells of its failed logins; counted under {@link #P3_LOGINS}. */
    public LoginObserver p3Logins() {
        return logins.observer(P3_LOGINS);
    }

    /**
     * Counts a login that {@code listener} refused for a wrong identifier, secret or password.
     *
     * @param listener the listener's name, from a fixed set ({@code "admin"}), never a user's input
     */
    public void loginFailed(String listener) {
        logins.failed(listener);
    }

    /** Counts a lock-out that repeated failed logins caused at {@code listener}, as {@link #loginFailed}. */
    public void lockedOut(String listener) {
        logins.lockedOut(listener);
    }

    /**
     * Records the result of a terminal's health check.
     *
     * @throws IllegalArgumentException when no terminal has {@code terminalId}
     */
    public void terminalReachable(String terminalId, boolean up) {
        terminals.reachable(terminalId, up);
    }

    /** A configuration reload changed the terminals: each configured one has a gauge, no other. */
    public void terminalsConfigured(Collection<String> terminalIds) {
        terminals.configured(terminalIds);
    }

    /** The configuration of {@code generation}, loaded at {@code loadedAt}, runs from now on. */
    public void configurationLoaded(long generation, Instant loadedAt) {
        configuration.loaded(generation, loadedAt);
    }

    /** Counts a configuration reload, applied or refused. */
    public void configurationReloaded(boolean applied) {
        configuration.reloaded(applied);
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    /** Every metric now, in Prometheus's text format ({@link #CONTENT_TYPE}). */
    @Override
    public String scrape() {
        ConnectionMetrics watched = connections;
        if (watched != null) {
            watched.addNewListeners();
        }
        return registry.scrape();
    }

    /** Stops listening to the JVM's garbage collections; the registry forgets every meter. */
    @Override
    public void close() {
        garbageCollection.close();
        registry.close();
    }
}
