package io.tillgate.p3.server;

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
import io.tillgate.core.merchant.MerchantDirectory;
import io.tillgate.core.service.PaymentService;
import io.tillgate.p3.codec.P3Device;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The P3 PayServer front-end (p3.md §11): POS software logs a merchant in, lists its devices and
 * runs transactions on them over WebSocket or framed TCP, and every request becomes a call on the
 * {@link PaymentService}. Both listeners share one boss and one worker event-loop group; nothing
 * on them blocks.
 */
public final class P3Server implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(P3Server.class);

    private static final long SHUTDOWN_TIMEOUT_SECONDS = 5;

    private final P3ServerContext context;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel webSocketListener;
    private Channel tcpListener;
    private boolean started;

    /**
     * @param config ports, limits and what login reports
     * @param payments runs the transactions
     * @param merchants who may log in and which terminals each may use
     * @param devicesById the P3 description of each terminal, by terminal id
     */
    public P3Server(P3ServerConfig config, PaymentService payments, MerchantDirectory merchants,
            Map<String, P3Device> devicesById) {
        this.context = new P3ServerContext(config, payments, merchants, devicesById);
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
        boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("p3-accept", true),
                NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(new DefaultThreadFactory("p3-io", true), NioIoHandler.newFactory());
        try {
            P3ServerConfig config = context.config();
            webSocketListener = bind("WebSocket", config.websocketPort(), P3ChannelInitializers.webSocket(context));
            tcpListener = bind("TCP", config.tcpPort(), P3ChannelInitializers.tcp(context));
        } catch (RuntimeException e) {
            shutdown();
            throw e;
        }
        LOG.debug("P3 listening on WebSocket {} and TCP {}", webSocketListener.localAddress(),
                tcpListener.localAddress());
    }

    /** The bound WebSocket address (the actual port when configured as 0). */
    public synchronized InetSocketAddress webSocketAddress() {
        return localAddress(webSocketListener, "WebSocket");
    }

    /** The bound framed-TCP address (the actual port when configured as 0). */
    public synchronized InetSocketAddress tcpAddress() {
        return localAddress(tcpListener, "TCP");
    }

    /**
     * Stops accepting, closes every connection and stops the event loops. Transactions the POS
     * connections were watching go on in the payment service. Safe to call more than once.
     */
    @Override
    public synchronized void close() {
        shutdown();
    }

    private Channel bind(String transport, int port, ChannelInitializer<SocketChannel> initializer) {
        String host = context.config().host();
        ChannelFuture bound = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer)
                .bind(host, port)
                .awaitUninterruptibly();
        if (bound.isSuccess()) {
            return bound.channel();
        }
        Throwable cause = bound.cause();
        if (cause instanceof BindException && String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT)
                .contains("in use")) {
            throw new IllegalStateException("P3 " + transport + " port " + port + " on " + host
                    + " is already in use", cause);
        }
        throw new IllegalStateException("P3 " + transport + " listener cannot bind " + host + ":" + port + ": "
                + cause.getMessage(), cause);
    }

    private static InetSocketAddress localAddress(Channel listener, String transport) {
        if (listener == null || !listener.isOpen()) {
            throw new IllegalStateException("P3 " + transport + " listener is not running");
        }
        return (InetSocketAddress) listener.localAddress();
    }

    private void shutdown() {
        for (Channel listener : new Channel[] {webSocketListener, tcpListener}) {
            if (listener != null) {
                listener.close().awaitUninterruptibly();
            }
        }
        for (EventLoopGroup group : new EventLoopGroup[] {boss, workers}) {
            if (group != null) {
                group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS).awaitUninterruptibly();
            }
        }
    }
}
