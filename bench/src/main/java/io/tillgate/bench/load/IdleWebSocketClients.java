package io.tillgate.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many P3 WebSocket connections that log a merchant in and then stay silent, as idle POS
 * terminals do, spread over several local addresses (each address has its own ephemeral ports and
 * its own per-address connection limit at the gateway). Raw Netty, not {@code PayClient}, so tens
 * of thousands fit in the tool's own heap.
 */
final class IdleWebSocketClients implements AutoCloseable {

    /** Handshakes and logins in flight at once: enough to be quick, few enough for the accept backlog. */
    private static final int IN_FLIGHT = 256;

    private final List<Channel> channels;
    private final AtomicInteger dropped;

    private IdleWebSocketClients(List<Channel> channels, AtomicInteger dropped) {
        this.channels = channels;
        this.dropped = dropped;
    }

    /**
     * Opens {@code count} connections to {@code endpoint}, connection i from {@code from[i % from.size()]},
     * and logs each in; returns when every login has been answered OK.
     *
     * @throws IllegalStateException naming the first failure when a connection or login fails
     */
    static IdleWebSocketClients open(URI endpoint, List<InetAddress> from, int count, String merchant, String secret,
            EventLoopGroup group, Duration timeout) throws InterruptedException {
        String login = "{\"type\":\"LOGIN_MERCHANT_REQUEST\",\"tag\":\"idle\",\"resource\":\"/\","
                + "\"loginMerchantRequest\":{\"providerMode\":\"TEST\",\"merchantIdentifier\":\"" + merchant
                + "\",\"merchantSecret\":\"" + secret + "\"}}";
        AtomicInteger dropped = new AtomicInteger();
        List<Channel> channels = new ArrayList<>(count);
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        CompletableFuture<Void> firstFailure = new CompletableFuture<>();
        AtomicInteger loggedIn = new AtomicInteger();
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis());
        long deadline = System.nanoTime() + timeout.toNanos() + count * TimeUnit.MILLISECONDS.toNanos(5);
        for (int i = 0; i < count && !firstFailure.isDone(); i++) {
            if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("logins stalled after " + loggedIn.get() + " of " + count);
            }
            CompletableFuture<Void> answered = new CompletableFuture<>();
            answered.whenComplete((ok, failure) -> {
                inFlight.release();
                if (failure == null) {
                    loggedIn.incrementAndGet();
                } else {
                    firstFailure.completeExceptionally(failure);
                }
            });
            ChannelFuture connect = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                            new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                                    .webSocketUri(endpoint)
                                    .handshakeTimeoutMillis(timeout.toMillis())
                                    .build()),
                            new IdleLogin(login, answered, dropped));
                }
            }).connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()),
                    new InetSocketAddress(from.get(i % from.size()), 0));
            int index = i;
            connect.addListener(f -> {
                if (!f.isSuccess()) {
                    answered.completeExceptionally(new IllegalStateException("connection " + index + " from "
                            + from.get(index % from.size()).getHostAddress() + " failed: " + f.cause(), f.cause()));
                }
            });
            channels.add(connect.channel());
        }
        IdleWebSocketClients clients = new IdleWebSocketClients(channels, dropped);
        if (!inFlight.tryAcquire(IN_FLIGHT, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            clients.close();
            throw new IllegalStateException("only " + loggedIn.get() + " of " + count + " logins answered in time");
        }
        if (firstFailure.isCompletedExceptionally()) {
            clients.close();
            throw new IllegalStateException(firstFailure.handle((ok, e) -> e.getMessage()).join());
        }
        return clients;
    }

    int size() {
        return channels.size();
    }

    /** Connections the gateway closed after their login: a held connection must not be dropped. */
    int dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        for (Channel channel : channels) {
            channel.close();
        }
        for (Channel channel : channels) {
            channel.closeFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    /** Sends the login once the handshake is done, checks its answer, then only notices a close. */
    private static final class IdleLogin extends SimpleChannelInboundHandler<TextWebSocketFrame> {

        private final String login;
        private final CompletableFuture<Void> answered;
        private final AtomicInteger dropped;

        IdleLogin(String login, CompletableFuture<Void> answered, AtomicInteger dropped) {
            this.login = login;
            this.answered = answered;
            this.dropped = dropped;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                ctx.writeAndFlush(new TextWebSocketFrame(login));
            } else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                answered.completeExceptionally(new IllegalStateException("WebSocket handshake timed out"));
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            String text = frame.text();
            if (text.contains("\"LOGIN_MERCHANT_RESPONSE\"") && text.contains("\"status\":\"OK\"")) {
                answered.complete(null);
            } else {
                answered.completeExceptionally(new IllegalStateException("login refused: " + text));
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (!answered.completeExceptionally(new IllegalStateException("closed before the login was answered"))) {
                if (!answered.isCompletedExceptionally()) {
                    dropped.incrementAndGet();
                }
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            answered.completeExceptionally(cause);
            ctx.close();
        }
    }
}
