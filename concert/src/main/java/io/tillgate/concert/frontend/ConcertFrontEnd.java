package io.tillgate.concert.frontend;

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
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tillgate.concert.netty.ConcertFrameDecoder;
import io.tillgate.concert.netty.ConcertMessageCodec;
import io.tillgate.core.service.PaymentService;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tillgate acting as a Concert terminal (concert.md §10): listens for cash registers and turns each
 * request into a call on the {@link PaymentService}, on the configured merchant and terminal. In
 * front of a simulated terminal this is the Concert terminal emulator; in front of another
 * protocol's driver it is a bridge.
 */
public final class ConcertFrontEnd implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConcertFrontEnd.class);
    private static final int WORKER_THREADS = 2;
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 5;

    private final ConcertFrontEndContext context;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel listener;

    public ConcertFrontEnd(ConcertFrontEndConfig config, PaymentService payments) {
        this.context = new ConcertFrontEndContext(Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(payments, "payments"));
    }

    /**
     * Binds the listener.
     *
     * @return the bound address (the actual port when configured as 0)
     * @throws IllegalStateException naming host and port when they cannot be bound, or when already started
     */
    public synchronized InetSocketAddress start() {
        if (boss != null) {
            throw new IllegalStateException("Concert front-end was already started");
        }
        ConcertFrontEndConfig config = context.config();
        boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("concert-accept", true),
                NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(WORKER_THREADS, new DefaultThreadFactory("concert-io", true),
                NioIoHandler.newFactory());
        ChannelFuture bound = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(
                                new ConcertFrameDecoder(ConcertFrameDecoder.Mode.REQUEST, config.maxRequestBytes(),
                                        config.quietInterval()),
                                new ConcertMessageCodec(),
                                new ConcertSession(context));
                    }
                })
                .bind(config.bindHost(), config.port())
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutdown();
            throw new IllegalStateException("Concert front-end cannot listen on " + config.bindHost() + ":"
                    + config.port() + ": " + bound.cause().getMessage(), bound.cause());
        }
        listener = bound.channel();
        InetSocketAddress address = (InetSocketAddress) listener.localAddress();
        LOG.info("Concert front-end listening on {} for terminal {} (merchant {}); a request ends after {} ms "
                + "without a byte", address, config.terminalId(), config.merchantId(), config.quietInterval().toMillis());
        return address;
    }

    /** Stops listening and closes every connection; running transactions go on in the payment service. */
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
                group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS).awaitUninterruptibly();
            }
        }
    }
}
