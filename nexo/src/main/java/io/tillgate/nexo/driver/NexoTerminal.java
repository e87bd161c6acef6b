package io.tillgate.nexo.driver;

import static io.tillgate.nexo.driver.Diagnostics.LOG;

import io.netty.channel.EventLoopGroup;
import io.netty.resolver.AddressResolverGroup;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.terminal.ActionAnswer;
import io.tillgate.core.terminal.ProbeGuard;
import io.tillgate.core.terminal.Terminal;
import io.tillgate.core.terminal.TerminalCapabilities;
import io.tillgate.core.terminal.TerminalListener;
import io.tillgate.core.terminal.TerminalRequest;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.nexo.codec.SaleToPOIRequest;
import io.tillgate.nexo.codec.SaleToPOIResponse;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The driver for a nexo Retailer 3.1 terminal over HTTP (docs/protocols/nexo.md §10): Tillgate is the POS.
 *
 * <p>Logs in on first use and again when the terminal says LoggedOut or NotAllowed (a terminal
 * restart loses the session); retries Busy with a growing pause; aborts on a second connection;
 * recovers a lost Payment answer with TransactionStatus until the recovery deadline, else reports
 * UNKNOWN. In full integration a {@link NexoPosListener} feeds it the terminal's displays, events and
 * signature checks. Nothing here blocks: every exchange is a future on the shared event loop group.
 *
 * <p>This class only wires the parts: {@link NexoLink} (HTTP), {@link NexoRequests} (the documents),
 * {@link NexoSession} (login, logout, maintenance), {@link TransactionRunner} (the payment run),
 * {@link StatusRecovery} (TransactionStatus), {@link PosRequestHandler} (the POS listener side) and
 * {@link HealthProbe} (Diagnosis).
 */
public final class NexoTerminal implements Terminal {

    private final NexoTerminalConfig config;
    private final NexoLink link;
    private final NexoSession session;
    private final StatusRecovery recovery;
    private final TransactionRunner runner;
    private final PosRequestHandler posRequests;
    private final HealthProbe health;
    private final ProbeGuard probes;

    /**
     * @param group runs this driver's connections and timers; shared, owned and shut down by the caller
     * @param resolver resolves the terminal's host name without blocking an event loop; shared and
     *     owned by the caller
     */
    public NexoTerminal(NexoTerminalConfig config, EventLoopGroup group, AddressResolverGroup<?> resolver) {
        this.config = Objects.requireNonNull(config, "config");
        this.link = new NexoLink(config, Objects.requireNonNull(group, "group"),
                Objects.requireNonNull(resolver, "resolver"));
        TransactionMemory memory = new TransactionMemory();
        NexoRequests requests = new NexoRequests(config, memory);
        this.session = new NexoSession(config, link, requests);
        this.recovery = new StatusRecovery(config, link, requests, session, memory);
        this.runner = new TransactionRunner(config, link, requests, session, memory, recovery);
        this.posRequests = new PosRequestHandler(config, session);
        this.health = new HealthProbe(config, link, requests);
        this.probes = new ProbeGuard(config.id());
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
        runner.start(new PaymentRun(request, probes.transactionStarting(listener)));
    }

    /** A Diagnosis, which needs no login (see {@link HealthProbe} for what counts as an answer). */
    @Override
    public CompletableFuture<Void> probe() {
        return probes.probe(health::send);
    }

    @Override
    public void abort(String transactionId) {
        PaymentRun run = session.running(transactionId);
        if (run != null) {
            runner.abort(run);
        }
    }

    @Override
    public void answer(String transactionId, ActionAnswer answer) {
        PaymentRun run = session.running(transactionId);
        if (run == null || !run.answer(answer)) {
            LOG.warn("nexo terminal {}: transaction {} has no pending question for {}", id(), transactionId, answer);
        }
    }

    @Override
    public CompletableFuture<Optional<TransactionOutcome>> recover(TransactionRecord transaction) {
        return recovery.recover(transaction);
    }

    @Override
    public void close() {
        session.loggedOut();
    }

    /**
     * A request the terminal posted to the POS listener. Completes with the answer body, or empty for
     * HTTP 204.
     */
    CompletableFuture<Optional<SaleToPOIResponse>> onPosRequest(SaleToPOIRequest request, Duration inputTimeout) {
        return posRequests.onPosRequest(request, inputTimeout);
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
        return link.isAddressOf(source);
    }
}
