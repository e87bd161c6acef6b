package io.tillgate.concert.frontend;

import io.tillgate.concert.netty.ConcertFrameDecoder;
import io.tillgate.concert.netty.ConcertMessageCodec;
import io.tillgate.concert.netty.MessageCompletion;
import io.tillgate.core.service.PaymentService;
import io.tillgate.transport.FrontEnd;
import io.tillgate.transport.FrontEndListener;
import io.tillgate.transport.ListenerGuards;
import io.tillgate.transport.ListenerSlot;
import io.tillgate.transport.ServerTransport;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tillgate acting as a Concert terminal (docs/protocols/concert.md §10): listens for cash registers and turns each
 * request into a call on the {@link PaymentService}, on the configured merchant and terminal. In
 * front of a simulated terminal this is the Concert terminal emulator; in front of another
 * protocol's driver it is a bridge.
 */
public final class ConcertFrontEnd implements FrontEnd {

    private static final Logger LOG = LoggerFactory.getLogger(ConcertFrontEnd.class);

    private final ConcertFrontEndContext context;
    private final ServerTransport transport;
    private final ListenerGuards guards;
    private final ListenerSlot listener;

    /**
     * @param transport the gateway's event loops, or {@code null} for loops of its own
     * @param guards limits and allow-list; Concert carries no TLS, so {@code guards.tls()} must be null
     */
    public ConcertFrontEnd(ConcertFrontEndConfig config, PaymentService payments, ServerTransport transport,
            ListenerGuards guards) {
        this.context = new ConcertFrontEndContext(Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(payments, "payments"));
        this.transport = transport;
        this.guards = Objects.requireNonNull(guards, "guards");
        if (guards.tls() != null) {
            throw new IllegalArgumentException("Concert over IP has no TLS; restrict it with an allow-list instead");
        }
        this.listener = new ListenerSlot("Concert front-end for terminal " + config.terminalId());
    }

    public ConcertFrontEnd(ConcertFrontEndConfig config, PaymentService payments) {
        this(config, payments, null, ListenerGuards.defaults());
    }

    /**
     * Binds the listener.
     *
     * @return the bound address (the actual port when configured as 0)
     * @throws IllegalStateException naming host and port when they cannot be bound, or when already started
     */
    public InetSocketAddress start() {
        ConcertFrontEndConfig config = context.config();
        InetSocketAddress address = listener.bind(() -> FrontEndListener.start(transport, "concert", guards.listener(
                "Concert front-end for terminal " + config.terminalId(), config.bindHost(), config.port(),
                (channel, firstRequest) -> channel.pipeline().addLast(
                        requestFrameDecoder(config),
                        firstRequest,
                        new ConcertMessageCodec(),
                        new ConcertSession(context)))));
        LOG.info("Concert front-end listening on {} for terminal {} (merchant {}); a request ends {}{} ms "
                + "without a byte{}", address, config.terminalId(), config.merchantId(),
                config.quietIntervalOnly() ? "after " : "when it holds every tag its CD requires, else after ",
                config.quietInterval().toMillis(),
                guards.allowed() == null ? "" : "; from " + guards.allowed() + " only");
        return address;
    }

    /** The framer {@link ConcertFrontEnd} puts first in each connection's pipeline. */
    static ConcertFrameDecoder requestFrameDecoder(ConcertFrontEndConfig config) {
        return new ConcertFrameDecoder(ConcertFrameDecoder.Mode.REQUEST, config.maxRequestBytes(),
                config.quietInterval(),
                config.quietIntervalOnly() ? MessageCompletion.NEVER : MessageCompletion.request());
    }

    @Override
    public void open() {
        start();
    }

    @Override
    public List<InetSocketAddress> addresses() {
        return listener.addresses();
    }

    /** Stops listening and closes every connection; running transactions go on in the payment service. */
    @Override
    public void close() {
        listener.close();
    }
}
