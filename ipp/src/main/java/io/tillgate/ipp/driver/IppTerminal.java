package io.tillgate.ipp.driver;

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
import io.tillgate.ipp.driver.internal.CertificateCache;
import io.tillgate.ipp.driver.internal.Ping;
import io.tillgate.ipp.driver.internal.Sids;
import io.tillgate.ipp.driver.internal.Sockets;
import io.tillgate.ipp.driver.internal.StatusQuery;
import io.tillgate.ipp.driver.internal.TransactionRun;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver of one myPOS terminal over IPP/TCP (docs/protocols/ipp.md §13): Tillgate is the cash register.
 *
 * <p>Each transaction opens its own connection. Its SID is the gateway transaction id in UUID form,
 * so {@link #recover} can ask GET_STATUS about it from the journal alone. Slave-mode host traffic
 * is relayed as it comes (TLS when the terminal gives a CHAIN, its certificates fetched once with
 * GET_CERTIFICATE and cached). The event-loop group is the caller's and is left running on close.
 */
public final class IppTerminal implements Terminal {

    private static final Logger LOG = LoggerFactory.getLogger(IppTerminal.class);

    private final IppTerminalConfig config;
    private final Sockets sockets;
    private final CertificateCache certificates = new CertificateCache();
    private final Map<String, TransactionRun> running = new ConcurrentHashMap<>();
    private final StatusQuery statusQuery;
    private final ProbeGuard probes;
    private final Ping ping;

    /**
     * @param config the terminal's settings
     * @param group the event loops connections run on; shared and owned by the caller
     * @param resolver resolves the terminal's and the host's names without blocking an event loop;
     *     shared and owned by the caller
     */
    public IppTerminal(IppTerminalConfig config, EventLoopGroup group, AddressResolverGroup<?> resolver) {
        this.config = Objects.requireNonNull(config, "config");
        this.sockets = new Sockets(group, resolver);
        this.statusQuery = TransactionRun.statusQuery(config, sockets, certificates);
        this.probes = new ProbeGuard(config.id());
        this.ping = new Ping(config, sockets);
    }

    @Override
    public String id() {
        return config.id();
    }

    /** Abort (STAGE=101), recovery (GET_STATUS), refunds and reversals; no signature step in IPP. */
    @Override
    public TerminalCapabilities capabilities() {
        return new TerminalCapabilities(true, true, false, true, true);
    }

    @Override
    public void execute(TerminalRequest request, TerminalListener listener) {
        TransactionRun run = new TransactionRun(config, sockets.on(request.affinity()), certificates, request,
                TerminalListener.beforeOutcome(probes.transactionStarting(listener),
                        () -> running.remove(request.transactionId())));
        running.put(request.transactionId(), run);
        run.start();
    }

    /**
     * PING (docs/protocols/ipp.md §5): the terminal is there when it answers STATUS 0, or 1 while busy with
     * another caller.
     */
    @Override
    public CompletableFuture<Void> probe() {
        return probes.probe(ping::send);
    }

    @Override
    public void abort(String transactionId) {
        TransactionRun run = running.get(transactionId);
        if (run != null) {
            run.abort();
        }
    }

    @Override
    public void answer(String transactionId, ActionAnswer answer) {
        LOG.warn("terminal {}: IPP asks no questions; answer {} to transaction {} ignored", config.id(), answer,
                transactionId);
    }

    /** GET_STATUS for the transaction's SID; completes it with COMPLETE_TX when the terminal waits for that. */
    @Override
    public CompletableFuture<Optional<TransactionOutcome>> recover(TransactionRecord transaction) {
        return statusQuery.outcomeOf(Sids.of(transaction.id()), transaction.amount(), config.version());
    }

    /** Closes the connections of running transactions; the shared event loops are left alone. */
    @Override
    public void close() {
        running.values().forEach(TransactionRun::close);
    }
}
