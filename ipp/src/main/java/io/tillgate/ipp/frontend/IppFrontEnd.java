package io.tillgate.ipp.frontend;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tillgate.core.service.PaymentService;
import io.tillgate.ipp.frontend.internal.IppConnectionHandler;
import io.tillgate.ipp.netty.IppFrameDecoder;
import io.tillgate.ipp.netty.IppMessageCodec;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway acting as a myPOS terminal (ipp.md §14): a TCP server that turns IPP requests into
 * {@link PaymentService} calls on one configured terminal and answers in stages. In front of a
 * {@code SimulatedTerminal} it is the IPP terminal emulator; in front of another driver, a bridge.
 * Owns its event loops (one acceptor, two workers); nothing on them blocks.
 */
public final class IppFrontEnd implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IppFrontEnd.class);

    private final IppFrontEndConfig config;
    private final Supplier<IppConnectionHandler> handlers;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel listener;

    public IppFrontEnd(IppFrontEndConfig config, PaymentService payments) {
        this.config = Objects.requireNonNull(config, "config");
        this.handlers = IppConnectionHandler.factory(config, Objects.requireNonNull(payments, "payments"));
    }

    /**
     * Binds the listener.
     *
     * @return the bound address (the actual port when configured as 0)
     * @throws IllegalStateException naming host and port if it cannot bind, or if already started
     */
    public synchronized InetSocketAddress start() {
        if (boss != null) {
            throw new IllegalStateException("IPP front-end for terminal " + config.terminalId() + " already started");
        }
        boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("ipp-accept", true),
                NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("ipp-io", true),
                NioIoHandler.newFactory());
        ChannelFuture bound = new ServerBootstrap().group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(
                                new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS),
                                new IppFrameDecoder(config.maxFrameLength()),
                                IppMessageCodec.terminalSide(),
                                handlers.get());
                    }
                })
                .bind(config.host(), config.port())
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutdown();
            throw new IllegalStateException("IPP front-end cannot bind " + config.host() + ":" + config.port() + ": "
                    + bound.cause().getMessage(), bound.cause());
        }
        listener = bound.channel();
        InetSocketAddress address = (InetSocketAddress) listener.localAddress();
        LOG.info("IPP terminal {} listening on {}{}", config.terminalId(), address,
                config.hostRelay() == null ? "" : " (slave mode, host " + config.hostRelay().host() + ":"
                        + config.hostRelay().port() + (config.hostRelay().tls() ? " over TLS)" : ")"));
        return address;
    }

    /** Stops listening and closes every connection; running transactions go on in the gateway. */
    @Override
    public synchronized void close() {
        shutdown();
    }

    private void shutdown() {
        if (listener != null) {
            listener.close().awaitUninterruptibly();
            listener = null;
        }
        for (EventLoopGroup group : new EventLoopGroup[] {boss, workers}) {
            if (group != null) {
                group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
            }
        }
    }
}
