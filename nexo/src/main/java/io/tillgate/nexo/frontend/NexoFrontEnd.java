package io.tillgate.nexo.frontend;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tillgate.core.service.PaymentService;
import io.tillgate.nexo.codec.NexoCodec;
import io.tillgate.nexo.internal.NexoHttpClient;
import io.tillgate.nexo.netty.NexoServerPipeline;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tillgate acting as a nexo terminal (nexo.md §11): serves {@code POST /EPASSaleToPOI/3.1} and
 * runs the requests as {@link PaymentService} transactions on one configured terminal. In front of
 * a {@code SimulatedTerminal} this is the nexo terminal emulator; in front of another protocol's
 * driver it is a bridge. Owns its event loops (one boss, two workers).
 */
public final class NexoFrontEnd implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NexoFrontEnd.class);

    private final NexoFrontEndConfig config;
    private final PaymentService payments;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private DnsAddressResolverGroup resolver;
    private Channel server;

    public NexoFrontEnd(NexoFrontEndConfig config, PaymentService payments) {
        this.config = Objects.requireNonNull(config, "config");
        this.payments = Objects.requireNonNull(payments, "payments");
    }

    /**
     * Binds and starts serving.
     *
     * @return the bound address (its port is the real one when the configured port is 0)
     * @throws IllegalStateException naming the address when it cannot be bound, or when started twice
     */
    public synchronized InetSocketAddress start() {
        if (server != null) {
            throw new IllegalStateException("nexo front-end already started on " + server.localAddress());
        }
        boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("nexo-frontend-boss", true),
                NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("nexo-frontend", true),
                NioIoHandler.newFactory());
        NexoCodec codec = new NexoCodec(config.maxBodyBytes());
        // The POS listener's host is looked up for each post; never on the loops that serve the POS.
        resolver = new DnsAddressResolverGroup(new DnsNameResolverBuilder()
                .datagramChannelType(NioDatagramChannel.class).socketChannelType(NioSocketChannel.class));
        FrontEndContext context = new FrontEndContext(config, payments, codec,
                new NexoHttpClient(workers, resolver, config.maxBodyBytes(), config.posRequestTimeout()),
                Clock.systemUTC());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        NexoServerPipeline.install(ch.pipeline(), codec, config.idleTimeout(), "nexo front-end",
                                new FrontEndHandler(context));
                    }
                });
        try {
            server = bootstrap.bind(config.bindHost(), config.port()).syncUninterruptibly().channel();
        } catch (Exception e) { // bind failures arrive as the checked BindException, rethrown unchecked
            shutdownGroups();
            throw new IllegalStateException("nexo front-end cannot bind " + config.bindHost() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
        InetSocketAddress bound = (InetSocketAddress) server.localAddress();
        LOG.info("nexo front-end listening on {}:{} for merchant {} terminal {} ({})", config.bindHost(),
                bound.getPort(), config.merchantId(), config.terminalId(), config.posListenerUrl() == null
                        ? "light integration" : "POS listener " + config.posListenerUrl());
        return bound;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close().syncUninterruptibly();
            server = null;
        }
        shutdownGroups();
    }

    private void shutdownGroups() {
        if (resolver != null) {
            resolver.close();
            resolver = null;
        }
        if (boss != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            boss = null;
            workers = null;
        }
    }
}
