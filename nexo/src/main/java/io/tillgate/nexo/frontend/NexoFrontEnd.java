package io.tillgate.nexo.frontend;

import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.tillgate.core.service.PaymentService;
import io.tillgate.nexo.codec.NexoCodec;
import io.tillgate.nexo.internal.NexoHttpClient;
import io.tillgate.nexo.netty.NexoServerPipeline;
import io.tillgate.tls.ClientTls;
import io.tillgate.transport.FrontEnd;
import io.tillgate.transport.FrontEndListener;
import io.tillgate.transport.ListenerGuards;
import io.tillgate.transport.ListenerSlot;
import io.tillgate.transport.ServerTransport;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tillgate acting as a nexo terminal (docs/protocols/nexo.md §11): serves {@code POST /EPASSaleToPOI/3.1} and
 * runs the requests as {@link PaymentService} transactions on one configured terminal. In front of
 * a {@code SimulatedTerminal} this is the nexo terminal emulator; in front of another protocol's
 * driver it is a bridge. Runs on the gateway's event loops, or on its own; HTTPS when its guards
 * carry TLS, and HTTPS to a POS listener whose URL says {@code https}.
 */
public final class NexoFrontEnd implements FrontEnd {

    private static final Logger LOG = LoggerFactory.getLogger(NexoFrontEnd.class);

    private final NexoFrontEndConfig config;
    private final PaymentService payments;
    private final ServerTransport transport;
    private final ListenerGuards guards;
    private final ClientTls posListenerTrust;
    private DnsAddressResolverGroup resolver;
    private final ListenerSlot listener;

    /**
     * @param transport the gateway's event loops, or {@code null} for loops of its own
     * @param guards TLS (HTTPS), limits and allow-list of the listener
     * @param posListenerTrust whom to trust at an {@code https} POS listener; {@code null} for the
     *     system's CAs
     */
    public NexoFrontEnd(NexoFrontEndConfig config, PaymentService payments, ServerTransport transport,
            ListenerGuards guards, ClientTls posListenerTrust) {
        this.config = Objects.requireNonNull(config, "config");
        this.payments = Objects.requireNonNull(payments, "payments");
        this.transport = transport;
        this.guards = Objects.requireNonNull(guards, "guards");
        this.posListenerTrust = posListenerTrust;
        this.listener = new ListenerSlot(name());
    }

    public NexoFrontEnd(NexoFrontEndConfig config, PaymentService payments) {
        this(config, payments, null, ListenerGuards.defaults(), null);
    }

    /**
     * Binds and starts serving.
     *
     * @return the bound address (its port is the real one when the configured port is 0)
     * @throws IllegalStateException naming the address when it cannot be bound, or when started twice
     */
    public synchronized InetSocketAddress start() {
        NexoCodec codec = new NexoCodec(config.maxBodyBytes());
        ClientTls posTls = !config.posListenerTls() ? null
                : posListenerTrust != null ? posListenerTrust : ClientTls.systemTrust();
        InetSocketAddress bound = listener.bind(() -> {
            // The POS listener's host is looked up for each post; never on the loops that serve the POS.
            resolver = new DnsAddressResolverGroup(new DnsNameResolverBuilder()
                    .datagramChannelType(NioDatagramChannel.class).socketChannelType(NioSocketChannel.class));
            try {
                return FrontEndListener.start(this.transport, "nexo-frontend", loops -> {
                    FrontEndContext context = new FrontEndContext(config, payments, codec,
                            new NexoHttpClient(loops.ioLoops(), resolver, config.maxBodyBytes(),
                                    config.posRequestTimeout()),
                            posTls, Clock.systemUTC());
                    return guards.listener(name(), config.bindHost(), config.port(),
                            (channel, firstRequest) -> NexoServerPipeline.install(channel.pipeline(), codec,
                                    config.idleTimeout(), "nexo front-end", firstRequest,
                                    new FrontEndHandler(context)));
                });
            } catch (RuntimeException e) {
                closeResolver();
                throw e;
            }
        });
        LOG.info("nexo front-end listening on {}://{}:{} for merchant {} terminal {} ({})",
                guards.tls() == null ? "http" : "https", config.bindHost(), bound.getPort(), config.merchantId(),
                config.terminalId(), config.posListenerUrl() == null ? "light integration"
                        : "POS listener " + config.posListenerUrl());
        return bound;
    }

    @Override
    public void open() {
        start();
    }

    @Override
    public List<InetSocketAddress> addresses() {
        return listener.addresses();
    }

    @Override
    public synchronized void close() {
        listener.close();
        closeResolver();
    }

    private String name() {
        return "nexo front-end for terminal " + config.terminalId();
    }

    private void closeResolver() {
        if (resolver != null) {
            resolver.close();
            resolver = null;
        }
    }
}
