package io.tillgate.p3.node;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.ReferenceCountUtil;
import io.tillgate.core.service.PaymentError;
import io.tillgate.core.service.PaymentException;
import io.tillgate.core.service.PaymentRequest;
import io.tillgate.core.service.RequestForwarder;
import io.tillgate.p3.codec.LoginMerchantRequest;
import io.tillgate.p3.codec.P3Message;
import io.tillgate.p3.codec.P3Status;
import io.tillgate.p3.netty.P3Pipelines;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection to one peer node: opened when a request first needs it, logged in as this node with
 * the cluster secret, and shared by every request forwarded there, each under a tag of its own. All
 * state is confined to one event loop. When the connection drops, each transaction on it is told, and
 * the next request connects again; after a failed attempt the next waits a little longer, up to
 * {@link #MAX_PAUSE_MILLIS}, and is refused at once meanwhile.
 */
final class NodeLink {

    private static final Logger LOG = LoggerFactory.getLogger(NodeLink.class);
    private static final long FIRST_PAUSE_MILLIS = 250;
    private static final long MAX_PAUSE_MILLIS = 5_000;
    private static final int MAX_HANDSHAKE_RESPONSE_BYTES = 8192;

    /** A request in flight on the link, by tag. */
    interface Call {
        void onMessage(P3Message message);

        void onLost(String why);
    }

    private final NodeLinks.Settings settings;
    private final String address;
    private final EventLoop loop;

    private Channel channel;
    /** The connection being opened or open and logged in; {@code null} before and after. */
    private CompletableFuture<Channel> ready;
    private int failedAttempts;
    private long pausedUntilNanos;
    private String lastFailure;
    /** Tags are taken on any thread: an abort or a signature comes from its POS's event loop. */
    private final AtomicLong tags = new AtomicLong();
    private final Map<String, Call> calls = new HashMap<>();

    NodeLink(NodeLinks.Settings settings, String address, EventLoop loop) {
        this.settings = settings;
        this.address = address;
        this.loop = loop;
    }

    CompletableFuture<RequestForwarder.Forwarding> forward(PaymentRequest request, String nodeId,
            RequestForwarder.ForwardListener listener) {
        CompletableFuture<RequestForwarder.Forwarding> started = new CompletableFuture<>();
        loop.execute(() -> open().whenComplete((ch, failure) -> {
            if (failure != null) {
                started.completeExceptionally(new PaymentException(PaymentError.TERMINAL_ELSEWHERE, "terminal "
                        + request.terminalId() + " is driven by node " + nodeId + " at " + address
                        + ", which this node cannot reach (" + failure.getMessage() + "); try again shortly"));
                return;
            }
            String tag = nextTag();
            ForwardedCall call = new ForwardedCall(this, tag, request, nodeId, listener, started, settings.clock());
            P3Message message;
            try {
                message = call.request();
            } catch (RuntimeException e) {
                // Thrown inside whenComplete it would vanish, and the POS would wait for ever.
                LOG.error("request {} for terminal {} could not be put into a node message", request.requestReference(),
                        request.terminalId(), e);
                started.completeExceptionally(new PaymentException(PaymentError.INTERNAL, "the request could not be "
                        + "forwarded to node " + nodeId + ", which drives terminal " + request.terminalId()));
                return;
            }
            send(message, call);
        }));
        return started;
    }

    /** Sends {@code message} under its tag and hands its answers to {@code call}; on the event loop. */
    void send(P3Message message, Call call) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> send(message, call));
            return;
        }
        if (channel == null || !channel.isActive()) {
            call.onLost("the link to " + address + " is down");
            return;
        }
        calls.put(message.tag(), call);
        channel.writeAndFlush(message).addListener((ChannelFuture written) -> {
            if (!written.isSuccess() && calls.remove(message.tag(), call)) {
                call.onLost("could not send to " + address + ": " + written.cause());
            }
        });
    }

    /** The request is answered for good: its tag is free. */
    void done(String tag) {
        if (loop.inEventLoop()) {
            calls.remove(tag);
        } else {
            loop.execute(() -> calls.remove(tag));
        }
    }

    String nextTag() {
        return "node-" + tags.incrementAndGet();
    }

    private CompletableFuture<Channel> open() {
        if (ready != null) {
            return ready;
        }
        if (System.nanoTime() - pausedUntilNanos < 0) {
            return CompletableFuture.failedFuture(new IllegalStateException(lastFailure));
        }
        CompletableFuture<Channel> opening = new CompletableFuture<>();
        ready = opening;
        URI uri = URI.create((settings.tls() == null ? "ws://" : "wss://") + address + "/p3");
        new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (settings.tls() != null) {
                            ch.pipeline().addLast(settings.tls().newHandler(ch.alloc(), uri.getHost(), uri.getPort()));
                        }
                        ch.pipeline().addLast(new HttpClientCodec())
                                .addLast(new HttpObjectAggregator(MAX_HANDSHAKE_RESPONSE_BYTES))
                                .addLast(new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                                        .webSocketUri(uri).version(WebSocketVersion.V13)
                                        .maxFramePayloadLength(settings.maxFrameBytes())
                                        .handshakeTimeoutMillis(settings.connectTimeout().toMillis())
                                        .generateOriginHeader(false).build()));
                        P3Pipelines.addWebSocketCodec(ch.pipeline(), settings.maxFrameBytes());
                        ch.pipeline().addLast(new LinkHandler(opening));
                    }
                })
                .connect(uri.getHost(), uri.getPort()).addListener((ChannelFuture connected) -> {
                    if (!connected.isSuccess()) {
                        failed(opening, "connecting failed: " + connected.cause().getMessage());
                    }
                });
        return opening;
    }

    private void logIn(Channel ch, CompletableFuture<Channel> opening) {
        channel = ch;
        String tag = nextTag();
        send(P3Message.request(new LoginMerchantRequest("LIVE", NodeLogin.merchantIdentifier(settings.nodeId()),
                settings.secret().reveal()), tag, P3Message.ROOT), new Call() {
                    @Override
                    public void onMessage(P3Message answer) {
                        calls.remove(tag);
                        if (answer.status() == P3Status.OK) {
                            failedAttempts = 0;
                            LOG.info("node link to {} open", address);
                            opening.complete(ch);
                        } else {
                            failed(opening, "it refused this node's login: " + answer.error().type() + " "
                                    + answer.error().developerMessage());
                            ch.close();
                        }
                    }

                    @Override
                    public void onLost(String why) {
                        failed(opening, why);
                    }
                });
    }

    /** An attempt failed: refuse what waits for it, and pause before the next one. */
    private void failed(CompletableFuture<Channel> opening, String why) {
        if (opening.isDone()) {
            return;
        }
        failedAttempts++;
        long pause = Math.min(MAX_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(failedAttempts - 1, 10));
        pausedUntilNanos = System.nanoTime() + pause * 1_000_000;
        lastFailure = why + "; next attempt in " + pause + " ms";
        LOG.warn("node link to {}: {}", address, lastFailure);
        if (ready == opening) {
            ready = null;
        }
        opening.completeExceptionally(new IllegalStateException(why));
    }

    private void lost(Channel ch, String why) {
        if (channel != ch) {
            return;
        }
        channel = null;
        CompletableFuture<Channel> was = ready;
        ready = null;
        if (was != null && !was.isDone()) {
            failed(was, why);
        } else if (calls.isEmpty()) {
            // The peer closes a link that carried nothing for its idle timeout; the next request opens it again.
            LOG.info("node link to {} closed: {}", address, why);
        } else {
            LOG.warn("node link to {} lost with {} request(s) on it: {}", address, calls.size(), why);
        }
        List<Call> cut = List.copyOf(calls.values());
        calls.clear();
        cut.forEach(call -> call.onLost(why));
    }

    void close() {
        loop.execute(() -> {
            if (channel != null) {
                channel.close();
            }
        });
    }

    /** The last handler: the handshake, the answers by tag, the end of the connection. */
    private final class LinkHandler extends ChannelInboundHandlerAdapter {

        private final CompletableFuture<Channel> opening;
        private String failure;

        LinkHandler(CompletableFuture<Channel> opening) {
            this.opening = opening;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                logIn(ctx.channel(), opening);
            } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                failure = "the WebSocket handshake timed out";
                ctx.close();
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof P3Message message) {
                Call call = calls.get(message.tag());
                if (call != null) {
                    call.onMessage(message);
                } else {
                    LOG.debug("node link to {}: nobody waits for {} (tag {})", address, message.type(), message.tag());
                }
            } else {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (failure == null) {
                failure = String.valueOf(cause.getMessage());
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            String why = "the connection to " + address + " closed" + (failure == null ? "" : ": " + failure);
            if (channel == ctx.channel()) {
                lost(ctx.channel(), why);
            } else {
                failed(opening, why);
            }
            ctx.fireChannelInactive();
        }
    }
}
