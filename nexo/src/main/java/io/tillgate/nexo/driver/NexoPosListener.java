package io.tillgate.nexo.driver;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.tillgate.nexo.codec.ErrorCondition;
import io.tillgate.nexo.codec.InputRequest;
import io.tillgate.nexo.codec.MessageHeader;
import io.tillgate.nexo.codec.NexoCodec;
import io.tillgate.nexo.codec.NexoResponses;
import io.tillgate.nexo.codec.SaleToPOIRequest;
import io.tillgate.nexo.netty.ConnectionFailures;
import io.tillgate.nexo.netty.NexoHttpAnswer;
import io.tillgate.nexo.netty.NexoInboundRequest;
import io.tillgate.nexo.netty.NexoServerPipeline;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The POS's HTTP listener for full integration (nexo.md §1.2): terminals post their displays,
 * prints, signature checks and events to {@code /EPASSaleToPOI/3.1} here. One listener serves many
 * terminals, told apart by the header's POIID. Answers 204 to Display, Print, Event and Transmit and
 * 200 InputResponse to InputRequest, which waits for the POS's answer without holding an event loop.
 */
public final class NexoPosListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NexoPosListener.class);

    private final NexoPosListenerConfig config;
    private final EventLoopGroup group;
    private final Map<String, NexoTerminal> terminals = new ConcurrentHashMap<>();
    private Channel server;

    /**
     * @param group runs the listener's connections; shared, owned and shut down by the caller
     */
    public NexoPosListener(NexoPosListenerConfig config, EventLoopGroup group) {
        this.config = Objects.requireNonNull(config, "config");
        this.group = Objects.requireNonNull(group, "group");
    }

    /**
     * Routes the requests of the terminal's POIID to it.
     *
     * @return closing it stops the routing
     * @throws IllegalArgumentException when another terminal already has that POIID
     */
    public AutoCloseable register(NexoTerminal terminal) {
        String poiId = terminal.poiId();
        if (terminals.putIfAbsent(poiId, terminal) != null) {
            throw new IllegalArgumentException("POIID '" + poiId + "' is already registered with this listener");
        }
        return () -> terminals.remove(poiId, terminal);
    }

    /**
     * Binds and starts serving.
     *
     * @return the bound address
     * @throws IllegalStateException naming the address when it cannot be bound
     */
    public synchronized InetSocketAddress start() {
        if (server != null) {
            throw new IllegalStateException("nexo POS listener already started on " + server.localAddress());
        }
        NexoCodec codec = new NexoCodec(config.maxBodyBytes());
        ListenerHandler handler = new ListenerHandler();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        NexoServerPipeline.install(ch.pipeline(), codec, config.idleTimeout(), "nexo POS listener",
                                handler);
                    }
                });
        try {
            server = bootstrap.bind(config.bindHost(), config.port()).syncUninterruptibly().channel();
        } catch (Exception e) { // bind failures arrive as the checked BindException, rethrown unchecked
            throw new IllegalStateException("nexo POS listener cannot bind " + config.bindHost() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
        InetSocketAddress bound = (InetSocketAddress) server.localAddress();
        LOG.info("nexo POS listener on {}:{}", config.bindHost(), bound.getPort());
        return bound;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close().syncUninterruptibly();
            server = null;
        }
    }

    @ChannelHandler.Sharable
    private final class ListenerHandler extends SimpleChannelInboundHandler<NexoInboundRequest> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, NexoInboundRequest inbound) {
            SaleToPOIRequest request = inbound.message();
            MessageHeader header = request.header();
            NexoTerminal terminal = terminals.get(header.poiId());
            if (terminal == null) {
                LOG.warn("nexo POS listener: {} from unknown POI {} ({}); no terminal is configured with that POIID",
                        header.messageCategory().code(), header.poiId(), ctx.channel().remoteAddress());
                ctx.writeAndFlush(request.body() instanceof InputRequest
                        ? new NexoHttpAnswer.Document(NexoResponses.withResult(header, NexoResponses.failure(
                                ErrorCondition.NOT_ALLOWED, "unknown POIID")).orElseThrow(), inbound.keepAlive())
                        : new NexoHttpAnswer.NoContent(inbound.keepAlive()));
                return;
            }
            terminal.onPosRequest(request, config.inputTimeout()).whenComplete((answer, failure) -> {
                if (failure != null) {
                    LOG.warn("nexo POS listener: {} from POI {} failed: {}", header.messageCategory().code(),
                            header.poiId(), failure.toString());
                    ctx.close();
                    return;
                }
                ctx.writeAndFlush(answer.<NexoHttpAnswer>map(a -> new NexoHttpAnswer.Document(a, inbound.keepAlive()))
                        .orElseGet(() -> new NexoHttpAnswer.NoContent(inbound.keepAlive())));
            });
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ConnectionFailures.close(LOG, "nexo POS listener", ctx, cause);
        }
    }
}
