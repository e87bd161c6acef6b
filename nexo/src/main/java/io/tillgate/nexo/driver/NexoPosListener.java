package io.tillgate.nexo.driver;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpResponseStatus;
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
import io.tillgate.transport.FrontEndListener;
import io.tillgate.transport.ListenerGuards;
import io.tillgate.transport.ServerTransport;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The POS's HTTP listener for full integration (docs/protocols/nexo.md §1.2): terminals post their displays,
 * prints, signature checks and events to {@code /EPASSaleToPOI/3.1} here. One listener serves many
 * terminals, told apart by the header's POIID, and takes a post only from the address of the
 * terminal it names: anyone else on the shop's network gets 403, so they can neither write on the
 * cashier's screen nor answer a signature check. Answers 204 to Display, Print, Event and Transmit
 * and 200 InputResponse to InputRequest, which waits for the POS's answer without holding an event
 * loop. HTTPS when its guards carry TLS.
 */
public final class NexoPosListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NexoPosListener.class);

    private final NexoPosListenerConfig config;
    private final ServerTransport transport;
    private final ListenerGuards guards;
    private final Map<String, NexoTerminal> terminals = new ConcurrentHashMap<>();
    private FrontEndListener server;

    /**
     * @param transport the gateway's event loops, or {@code null} for loops of its own
     * @param guards TLS (HTTPS), limits and allow-list
     */
    public NexoPosListener(NexoPosListenerConfig config, ServerTransport transport, ListenerGuards guards) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = transport;
        this.guards = Objects.requireNonNull(guards, "guards");
    }

    public NexoPosListener(NexoPosListenerConfig config) {
        this(config, null, ListenerGuards.defaults());
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
            throw new IllegalStateException("nexo POS listener already started on " + server.address());
        }
        NexoCodec codec = new NexoCodec(config.maxBodyBytes());
        ListenerHandler handler = new ListenerHandler();
        server = FrontEndListener.start(transport, "nexo-listener", guards.listener("nexo POS listener",
                config.bindHost(), config.port(), (channel, firstRequest) -> NexoServerPipeline.install(
                        channel.pipeline(), codec, config.idleTimeout(), "nexo POS listener", firstRequest, handler)));
        InetSocketAddress bound = server.address();
        LOG.info("nexo POS listener on {}://{}:{}", guards.tls() == null ? "http" : "https", config.bindHost(),
                bound.getPort());
        return bound;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
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
            InetSocketAddress source = (InetSocketAddress) ctx.channel().remoteAddress();
            if (!terminal.isAddressOf(source.getAddress())) {
                LOG.warn("nexo POS listener: {} naming POI {} refused: it came from {}, not from the terminal",
                        header.messageCategory().code(), header.poiId(), source.getAddress().getHostAddress());
                ctx.writeAndFlush(new NexoHttpAnswer.Refusal(HttpResponseStatus.FORBIDDEN,
                        "not the address of terminal " + header.poiId(), inbound.keepAlive()));
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
