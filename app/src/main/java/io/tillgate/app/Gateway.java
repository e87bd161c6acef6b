package io.tillgate.app;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tillgate.admin.AdminServer;
import io.tillgate.admin.auth.SignInObserver;
import io.tillgate.app.admin.AdminConsole;
import io.tillgate.app.admin.GatewayTerminalBoard;
import io.tillgate.app.cluster.NodeIds;
import io.tillgate.app.config.ConfigChanges;
import io.tillgate.app.config.ConfigException;
import io.tillgate.app.config.ConfigLoader;
import io.tillgate.app.config.GatewaySettings;
import io.tillgate.app.config.Protocol;
import io.tillgate.app.config.TransportSettings;
import io.tillgate.app.metrics.GatewayMetrics;
import io.tillgate.core.health.Reachability;
import io.tillgate.core.health.TerminalMonitor;
import io.tillgate.core.merchant.MerchantDirectory;
import io.tillgate.core.service.PaymentService;
import io.tillgate.core.service.PaymentServiceSettings;
import io.tillgate.core.service.TerminalPlacement;
import io.tillgate.core.terminal.Terminal;
import io.tillgate.core.transaction.PublishingTransactionStore;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.journal.CommitObserver;
import io.tillgate.journal.cluster.ClusterNode;
import io.tillgate.journal.cluster.ClusterSettings;
import io.tillgate.journal.cluster.LeaseListener;
import io.tillgate.p3.node.NodeLinks;
import io.tillgate.p3.netty.P3FrameDecoder;
import io.tillgate.p3.server.LoginObserver;
import io.tillgate.p3.server.P3Server;
import io.tillgate.p3.server.P3ServerConfig;
import io.tillgate.tls.ClientTls;
import io.tillgate.tls.TlsPolicy;
import io.tillgate.transport.ServerTransport;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running gateway: terminals, the payment service and the front-ends, built from settings. */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    /** How long a node waits for another's P3 listener; they share a network, so seconds are plenty. */
    private static final Duration NODE_CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final ScheduledExecutorService simulation;
    /** Every listener's event loops: P3, the protocol front-ends and the nexo POS listener. */
    private final ServerTransport transport;
    /** The drivers' sockets; one small group, since every terminal has at most one transaction running. */
    private final EventLoopGroup terminalIo;
    private final Terminals drivers;
    /** The journal; every write is told to its subscribers (metrics, the admin console's live views). */
    private final PublishingTransactionStore store;
    private final PaymentService payments;
    /** {@code null} unless the journal is shared by a cluster of gateways. */
    private final ClusterNode cluster;
    /** The links to the other nodes; {@code null} unless a cluster node with a secret forwards requests. */
    private final NodeLinks forwarder;
    /** Whether each terminal answers; probing starts once start-up recovery is done with the terminals. */
    private final TerminalMonitor health;
    /** How long {@link #drain()} lets running transactions finish. */
    private final Duration drainTime;
    private final P3Server p3;
    /** The terminals and the protocol front-ends besides P3, as the last applied configuration defines them. */
    private final Reconfiguration inventory;
    private final GatewayTerminalBoard board;
    /** The operator's listener, or {@code null} when disabled; made once P3 listens, whose address it shows. */
    private AdminServer admin;
    /** {@code null} when metrics are off: then nothing is registered or counted. */
    private final GatewayMetrics metrics;

    private Gateway(GatewaySettings settings) {
        this.metrics = settings.metrics().enabled()
                ? new GatewayMetrics(settings.terminals().stream().map(GatewaySettings.TerminalSpec::id).toList())
                : null;
        this.simulation = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tillgate-simulated-terminals");
            thread.setDaemon(true);
            return thread;
        });
        this.terminalIo = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("terminal-io", true),
                NioIoHandler.newFactory());
        this.transport = ServerTransport.create("tillgate", 0);
        TransportSettings guards = settings.transport();
        this.drivers = new Terminals(simulation, terminalIo, transport, guards.tlsCapable(null));
        List<Terminal> terminals = new ArrayList<>();
        for (GatewaySettings.TerminalSpec spec : settings.terminals()) {
            terminals.add(drivers.create(spec));
        }
        GatewaySettings.ClusterSpec clusterSpec = settings.journal().cluster();
        this.cluster = clusterSpec == null ? null : new ClusterNode(new ClusterSettings(NodeIds.resolve(clusterSpec),
                clusterAddress(settings), clusterSpec.leaseTime()), TransactionStores.settings(settings.journal()),
                terminalIds(settings));
        CommitObserver commits = metrics == null ? CommitObserver.NONE : metrics.journalCommits();
        this.store = new PublishingTransactionStore(cluster == null ? TransactionStores.open(settings.journal(), commits)
                : TransactionStores.openFenced(settings.journal(), commits, cluster));
        this.forwarder = cluster == null ? null : forwarder(settings, cluster.nodeId(), terminalIo);
        this.payments = new PaymentService(terminals, store,
                new PaymentServiceSettings(settings.transactionTimeout(), settings.idempotencyWindow()),
                Clock.systemUTC(), cluster == null ? TerminalPlacement.LOCAL : cluster, forwarder);
        this.health = TerminalMonitor.create(terminals, payments, settings.health());
        store.subscribe(health);
        this.drainTime = settings.drainTime();
        GatewaySettings.P3Settings p3Settings = settings.p3();
        this.p3 = p3Settings == null ? null : new P3Server(
                new P3ServerConfig(settings.host(), p3Settings.websocketPort(), p3Settings.tcpPort(),
                        p3Settings.maxFrameBytes(), p3Settings.idleTimeout(), settings.information(),
                        settings.receiptWidth(), settings.zone(), guards.tls(), guards.limits(),
                        guards.p3AllowedOrigins(), p3Settings.loginThrottle(), Clock.systemUTC()),
                payments, new MerchantDirectory(settings.merchants()), Reconfiguration.devices(settings), transport,
                metrics == null ? LoginObserver.NONE : metrics.p3Logins());
        if (p3 != null && clusterSpec != null && clusterSpec.secret() != null) {
            p3.acceptNodeLogins(clusterSpec.secret());
        }
        this.board = AdminConsole.board(settings, health);
        this.inventory = new Reconfiguration(settings, terminals, drivers, payments, health, p3, board, metrics,
                transport, Clock.systemUTC());
        inventory.createFrontEnds();
        store.subscribe(board);
        health.subscribe(board);
        if (metrics != null) {
            health.subscribe((previous, current) -> {
                if (current.reachability() != Reachability.UNKNOWN) {
                    metrics.terminalReachable(current.terminalId(), current.reachability() == Reachability.ONLINE);
                }
            });
        }
    }

    /** Builds and starts a gateway; on failure everything already started is stopped again. */
    public static Gateway start(GatewaySettings settings) {
        Gateway gateway = new Gateway(settings);
        try {
            if (gateway.metrics != null) {
                gateway.metrics.watch(gateway.store);
                gateway.metrics.watch(gateway.transport);
            }
            List<TransactionRecord> unresolved = gateway.cluster == null ? gateway.payments.recoverUnfinished().join()
                    : gateway.joinCluster();
            if (!unresolved.isEmpty()) {
                LOG.warn("{} transaction(s) have no final outcome and need an operator: tillgate journal list "
                        + "--unresolved", unresolved.stream().filter(r -> !r.isFinal()).count());
            }
            gateway.health.start();
            if (gateway.p3 != null) {
                gateway.p3.open();
                LOG.info("P3 PayServer listening on {}://{}/p3 and {}://{}", gateway.p3.tls() ? "wss" : "ws",
                        hostPort(gateway.p3.webSocketAddress()), gateway.p3.tls() ? "tls" : "tcp",
                        hostPort(gateway.p3.tcpAddress()));
            }
            TransportSettings guards = settings.transport();
            if (guards.tls() != null) {
                LOG.info("TLS 1.2/1.3 through {} with {}{}", TlsPolicy.provider(), guards.tlsDescription(),
                        guards.tls().requiresClientCertificate() ? "; client certificates required" : "");
            }
            gateway.inventory.openFrontEnds();
            if (settings.admin() != null) {
                gateway.admin = AdminConsole.create(settings, gateway.transport, gateway.payments, gateway.store,
                        gateway.board, gateway.p3 == null ? null : gateway.p3WebSocketUri(), gateway.metrics,
                        gateway.metrics == null ? SignInObserver.NONE : gateway.metrics.adminSignIns(),
                        gateway.inventory::configuration, Clock.systemUTC());
                gateway.admin.open();
            }
            OpenFileLimit.report(gateway.transport.listeners());
            LOG.info("Tillgate ready: {} terminal(s), {} merchant(s), journal {}", settings.terminals().size(),
                    settings.merchants().size(), settings.journal().redactedUrl());
            return gateway;
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
    }

    /**
     * Joins the cluster: takes this node's terminals, recovering what their previous holder left
     * unfinished, and from then on takes over the terminals of nodes that stop. Completes with what
     * the start-up recovery left unresolved.
     */
    private List<TransactionRecord> joinCluster() {
        // Only the first round's: start() waits for it. Later take-overs run for the node's whole life,
        // and recovery logs each transaction it leaves unresolved, so nothing keeps collecting them.
        AtomicReference<List<TransactionRecord>> atStart = new AtomicReference<>(new CopyOnWriteArrayList<>());
        cluster.start(new LeaseListener() {
            @Override
            public CompletableFuture<?> taken(Set<String> terminalIds, boolean fromAnotherNode) {
                return payments.recoverUnfinished(terminalIds, fromAnotherNode).thenAccept(recovered -> {
                    List<TransactionRecord> collecting = atStart.get();
                    if (collecting != null) {
                        recovered.stream().filter(r -> !r.isFinal()).forEach(collecting::add);
                    }
                });
            }

            @Override
            public boolean idle(String terminalId) {
                return payments.runningTransaction(terminalId).isEmpty();
            }
        });
        return List.copyOf(atStart.getAndSet(null));
    }

    /**
     * The links a cluster node forwards requests for other nodes' terminals over (docs/cluster.md);
     * {@code null}, refusing such requests with the holder's name as before, without a cluster secret.
     */
    private static NodeLinks forwarder(GatewaySettings settings, String nodeId, EventLoopGroup group) {
        GatewaySettings.ClusterSpec spec = settings.journal().cluster();
        if (spec.secret() == null) {
            LOG.warn("journal.cluster.secret is not set; a request for a terminal another node drives is refused, "
                    + "naming that node, instead of forwarded to it");
            return null;
        }
        // The nodes share one configuration, so this node's listeners say whether the others' speak TLS.
        ClientTls tls = settings.transport().tls() == null ? null
                : spec.linkTls() != null ? spec.linkTls() : ClientTls.systemTrust();
        int maxFrameBytes = settings.p3() == null ? P3FrameDecoder.DEFAULT_MAX_FRAME_LENGTH
                : settings.p3().maxFrameBytes();
        return new NodeLinks(new NodeLinks.Settings(nodeId, spec.secret(), group, tls, NODE_CONNECT_TIMEOUT,
                maxFrameBytes, Clock.systemUTC()));
    }

    private static Set<String> terminalIds(GatewaySettings settings) {
        return settings.terminals().stream().map(GatewaySettings.TerminalSpec::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The address other nodes and operators reach this node at: configured, or P3's WebSocket listener. */
    private static String clusterAddress(GatewaySettings settings) {
        String configured = settings.journal().cluster().address();
        if (configured != null || settings.p3() == null) {
            return configured;
        }
        return settings.host() + ":" + settings.p3().websocketPort();
    }

    /** This gateway as a cluster node; empty when it is the only gateway on its journal. */
    public Optional<ClusterNode> cluster() {
        return Optional.ofNullable(cluster);
    }

    public PaymentService payments() {
        return payments;
    }

    /** The gateway's metrics, for an HTTP listener to serve; empty when the configuration turns them off. */
    public Optional<GatewayMetrics> metrics() {
        return Optional.ofNullable(metrics);
    }

    /** Whether each terminal answers, kept up to date in the background; subscribe to hear of changes. */
    public TerminalMonitor health() {
        return health;
    }

    /**
     * The first half of a graceful stop: new transactions are refused from now on
     * ({@link io.tillgate.core.service.PaymentError#SHUTTING_DOWN}) while the listeners stay open, so
     * running ones can finish and answer their POS. Completes once none runs, or after
     * {@code gateway.drainTime}; then {@link #close()}, which leaves what still runs to start-up recovery.
     */
    public CompletableFuture<Void> drain() {
        return Drain.start(payments, drainTime);
    }

    /** The journal as the running gateway writes it; subscribe to hear of every change. */
    public PublishingTransactionStore journal() {
        return store;
    }

    /** The terminals in service, in configuration order. */
    public List<Terminal> terminals() {
        return inventory.terminals();
    }

    /**
     * Applies the merchants, terminals and front-ends of {@code next} without dropping a running
     * transaction (see {@link Reconfiguration}); its node-level settings are logged as needing a
     * restart and the running ones stay. Logs a one-line summary of what changed.
     */
    public Reload reload(GatewaySettings next) {
        if (cluster != null) {
            refuseTerminalSetChange(inventory.settings(), next);
        }
        return inventory.apply(next);
    }

    /**
     * A cluster node leases the terminals it was started with, and every node must list the same
     * ones (docs/cluster.md): one node's reload adding or removing a terminal would leave it
     * unleased or leased by a node that does not drive it.
     */
    private static void refuseTerminalSetChange(GatewaySettings running, GatewaySettings next) {
        ConfigChanges changes = ConfigChanges.between(running, next);
        if (!changes.addedTerminals().isEmpty() || !changes.removedTerminals().isEmpty()) {
            throw new ConfigException("terminals", "a cluster node cannot add or remove terminals by a reload "
                    + "(added: " + changes.addedTerminals().stream().map(GatewaySettings.TerminalSpec::id).toList()
                    + ", removed: " + changes.removedTerminals() + "); change them on every node and restart the "
                    + "nodes one at a time");
        }
    }

    /**
     * Reads {@code file} again ({@code null}: the embedded default) and applies it as {@link #reload}
     * does. A file with a problem changes nothing: it is logged at ERROR with the file and the problem,
     * and thrown.
     *
     * @throws ConfigException naming the key and the problem, as at start-up
     */
    public Reload reloadFrom(Path file) {
        try {
            return reload(file == null ? ConfigLoader.loadDefault() : ConfigLoader.load(file));
        } catch (ConfigException e) {
            inventory.refused();
            LOG.error("configuration reload refused: {}: {}; the running configuration (generation {}) stays in "
                    + "force", file == null ? "embedded default configuration" : file, e.getMessage(),
                    inventory.generation());
            throw e;
        }
    }

    /** The running configuration's number: 1 as started, one more per applied reload. */
    public long configurationGeneration() {
        return inventory.generation();
    }

    /** When the running configuration was loaded: at start, or by the last applied reload. */
    public Instant configurationLoadedAt() {
        return inventory.loadedAt();
    }

    /** {@code ws://host:port/p3} (or {@code wss://}) of the running P3 WebSocket listener. */
    public URI p3WebSocketUri() {
        return URI.create((p3.tls() ? "wss://" : "ws://") + hostPort(p3.webSocketAddress()) + "/p3");
    }

    /** {@code tcp://host:port} (or {@code tls://}) of the running P3 framed-TCP listener. */
    public URI p3TcpUri() {
        return URI.create((p3.tls() ? "tls://" : "tcp://") + hostPort(p3.tcpAddress()));
    }

    /** Where the running front-end of {@code protocol} for {@code terminalId} listens. */
    public InetSocketAddress frontEndAddress(Protocol protocol, String terminalId) {
        return inventory.frontEnds().entrySet().stream()
                .filter(f -> f.getKey().protocol() == protocol && f.getKey().terminalId().equals(terminalId))
                .map(f -> f.getValue().addresses().get(0)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + protocol.configName()
                        + " front-end for terminal " + terminalId));
    }

    private static String hostPort(InetSocketAddress address) {
        String host = address.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** Where the admin listener listens: {@code http://host:port} (or {@code https://}). */
    public URI adminUri() {
        if (admin == null) {
            throw new IllegalStateException("the admin listener is off (admin.enabled: false)");
        }
        return URI.create((admin.tls() ? "https://" : "http://") + hostPort(admin.addresses().get(0)));
    }

    @Override
    public void close() {
        health.close();
        Drain.reportLeftRunning(payments);
        if (admin != null) {
            admin.close();
        }
        inventory.closeFrontEnds();
        if (p3 != null) {
            p3.close();
        }
        payments.close();
        if (forwarder != null) {
            forwarder.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        inventory.close();
        drivers.close();
        store.close();
        if (metrics != null) {
            metrics.close();
        }
        transport.close();
        terminalIo.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        simulation.shutdownNow();
    }
}
