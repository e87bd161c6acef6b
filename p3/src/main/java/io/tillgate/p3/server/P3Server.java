package io.tillgate.p3.server;

import io.tillgate.core.merchant.MerchantDirectory;
import io.tillgate.core.service.PaymentService;
import io.tillgate.p3.codec.P3Device;
import io.tillgate.p3.node.ClusterSecret;
import io.tillgate.transport.FrontEnd;
import io.tillgate.transport.Listener;
import io.tillgate.transport.ListenerSpec;
import io.tillgate.transport.ServerTransport;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The P3 PayServer front-end (docs/protocols/p3.md §11): POS software logs a merchant in, lists its devices and
 * runs transactions on them over WebSocket or framed TCP, and every request becomes a call on the
 * {@link PaymentService}. Both listeners run on a {@link ServerTransport} — the gateway's shared
 * one, or one of its own — and nothing on them blocks.
 */
public final class P3Server implements FrontEnd {

    private static final Logger LOG = LoggerFactory.getLogger(P3Server.class);

    private final P3ServerContext context;
    private final ServerTransport sharedTransport;
    private ServerTransport ownTransport;
    private Listener webSocketListener;
    private Listener tcpListener;
    private boolean started;

    /**
     * @param config ports, limits, TLS and what login reports
     * @param payments runs the transactions
     * @param merchants who may log in and which terminals each may use
     * @param devicesById the P3 description of each terminal, by terminal id
     * @param transport the event loops to listen on, or {@code null} for loops of its own
     * @param logins told of failed logins and lock-outs
     */
    public P3Server(P3ServerConfig config, PaymentService payments, MerchantDirectory merchants,
            Map<String, P3Device> devicesById, ServerTransport transport, LoginObserver logins) {
        this.context = new P3ServerContext(config, payments, merchants, devicesById, logins);
        this.sharedTransport = transport;
    }

    /** Telling nobody of failed logins. */
    public P3Server(P3ServerConfig config, PaymentService payments, MerchantDirectory merchants,
            Map<String, P3Device> devicesById, ServerTransport transport) {
        this(config, payments, merchants, devicesById, transport, LoginObserver.NONE);
    }

    public P3Server(P3ServerConfig config, PaymentService payments, MerchantDirectory merchants,
            Map<String, P3Device> devicesById) {
        this(config, payments, merchants, devicesById, null);
    }

    /**
     * Lets the other nodes of a cluster log in with the cluster secret and forward requests for the
     * terminals this node drives (docs/cluster.md); without it node logins are refused.
     */
    public void acceptNodeLogins(ClusterSecret secret) {
        context.acceptNodes(secret);
    }

    /**
     * Swaps the merchants and their devices, as a configuration reload defines them, for every
     * connection at once: new logins see them, and a logged-in session's next request uses its
     * merchant's new terminals, or is refused if the merchant is gone or its secret changed.
     */
    public void reconfigure(MerchantDirectory merchants, Map<String, P3Device> devicesById) {
        context.reconfigure(merchants, devicesById);
    }

    /**
     * Binds both listeners.
     *
     * @throws IllegalStateException if a port cannot be bound (nothing is left bound then), or if
     *     the server was already started
     */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("P3 server was already started");
        }
        started = true;
        ServerTransport transport = sharedTransport;
        if (transport == null) {
            ownTransport = ServerTransport.create("p3", 0);
            transport = ownTransport;
        }
        P3ServerConfig config = context.config();
        try {
            webSocketListener = transport.listen(spec("P3 WebSocket", config.websocketPort(),
                    P3ChannelInitializers.webSocket(context)));
            tcpListener = transport.listen(spec("P3 TCP", config.tcpPort(), P3ChannelInitializers.tcp(context)));
        } catch (RuntimeException e) {
            shutdown();
            throw e;
        }
        LOG.debug("P3 listening on WebSocket {} and TCP {}", webSocketListener.address(), tcpListener.address());
    }

    private ListenerSpec spec(String name, int port, io.tillgate.transport.ProtocolPipeline protocol) {
        P3ServerConfig config = context.config();
        return ListenerSpec.of(name, config.host(), port, protocol).withTls(config.tls()).withLimits(config.limits());
    }

    @Override
    public void open() {
        start();
    }

    /** The WebSocket address, then the framed-TCP one. */
    @Override
    public synchronized List<InetSocketAddress> addresses() {
        return List.of(webSocketAddress(), tcpAddress());
    }

    /** The bound WebSocket address (the actual port when configured as 0). */
    public synchronized InetSocketAddress webSocketAddress() {
        return localAddress(webSocketListener, "WebSocket");
    }

    /** The bound framed-TCP address (the actual port when configured as 0). */
    public synchronized InetSocketAddress tcpAddress() {
        return localAddress(tcpListener, "TCP");
    }

    /** Whether both listeners speak TLS. */
    public boolean tls() {
        return context.config().tls() != null;
    }

    /**
     * Stops accepting and closes every connection (and its own event loops, if it has them).
     * Transactions the POS connections were watching go on in the payment service. Safe to call
     * more than once.
     */
    @Override
    public synchronized void close() {
        shutdown();
    }

    private static InetSocketAddress localAddress(Listener listener, String transport) {
        if (listener == null || !listener.isOpen()) {
            throw new IllegalStateException("P3 " + transport + " listener is not running");
        }
        return listener.address();
    }

    private void shutdown() {
        for (Listener listener : new Listener[] {webSocketListener, tcpListener}) {
            if (listener != null) {
                listener.close();
            }
        }
        if (ownTransport != null) {
            ownTransport.close();
            ownTransport = null;
        }
    }
}
