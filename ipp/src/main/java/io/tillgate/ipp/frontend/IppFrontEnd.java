package io.tillgate.ipp.frontend;

import io.netty.handler.timeout.IdleStateHandler;
import io.tillgate.core.service.PaymentService;
import io.tillgate.ipp.frontend.internal.IppConnectionHandler;
import io.tillgate.ipp.netty.IppFrameDecoder;
import io.tillgate.ipp.netty.IppMessageCodec;
import io.tillgate.transport.FrontEnd;
import io.tillgate.transport.FrontEndListener;
import io.tillgate.transport.ListenerGuards;
import io.tillgate.transport.ListenerSlot;
import io.tillgate.transport.ServerTransport;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway acting as a myPOS terminal (docs/protocols/ipp.md §14): a TCP server that turns IPP requests into
 * {@link PaymentService} calls on one configured terminal and answers in stages. In front of a
 * {@code SimulatedTerminal} it is the IPP terminal emulator; in front of another driver, a bridge.
 * Runs on the gateway's event loops, or on its own; nothing on them blocks.
 */
public final class IppFrontEnd implements FrontEnd {

    private static final Logger LOG = LoggerFactory.getLogger(IppFrontEnd.class);

    private final IppFrontEndConfig config;
    private final Supplier<IppConnectionHandler> handlers;
    private final ServerTransport transport;
    private final ListenerGuards guards;
    private final ListenerSlot listener;

    /**
     * @param transport the gateway's event loops, or {@code null} for loops of its own
     * @param guards limits and allow-list; IPP carries no TLS, so {@code guards.tls()} must be null
     */
    public IppFrontEnd(IppFrontEndConfig config, PaymentService payments, ServerTransport transport,
            ListenerGuards guards) {
        this.config = Objects.requireNonNull(config, "config");
        this.handlers = IppConnectionHandler.factory(config, Objects.requireNonNull(payments, "payments"));
        this.transport = transport;
        this.guards = Objects.requireNonNull(guards, "guards");
        if (guards.tls() != null) {
            throw new IllegalArgumentException("IPP has no TLS between POS and terminal; restrict it with an "
                    + "allow-list instead");
        }
        this.listener = new ListenerSlot("IPP terminal " + config.terminalId());
    }

    public IppFrontEnd(IppFrontEndConfig config, PaymentService payments) {
        this(config, payments, null, ListenerGuards.defaults());
    }

    /**
     * Binds the listener.
     *
     * @return the bound address (the actual port when configured as 0)
     * @throws IllegalStateException naming host and port if it cannot bind, or if already started
     */
    public InetSocketAddress start() {
        InetSocketAddress address = listener.bind(() -> FrontEndListener.start(transport, "ipp", guards.listener(
                "IPP terminal " + config.terminalId(), config.host(), config.port(),
                (channel, firstRequest) -> channel.pipeline().addLast(
                        new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS),
                        new IppFrameDecoder(config.maxFrameLength()),
                        firstRequest,
                        IppMessageCodec.terminalSide(),
                        handlers.get()))));
        LOG.info("IPP terminal {} listening on {}{}{}", config.terminalId(), address,
                config.hostRelay() == null ? "" : " (slave mode, host " + config.hostRelay().host() + ":"
                        + config.hostRelay().port() + (config.hostRelay().tls() ? " over TLS)" : ")"),
                guards.allowed() == null ? "" : "; from " + guards.allowed() + " only");
        return address;
    }

    @Override
    public void open() {
        start();
    }

    @Override
    public List<InetSocketAddress> addresses() {
        return listener.addresses();
    }

    /** Stops listening and closes every connection; running transactions go on in the gateway. */
    @Override
    public void close() {
        listener.close();
    }
}
