package io.tillgate.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tillgate.p3.netty.P3FrameDecoder;
import io.tillgate.p3.netty.P3FrameEncoder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The baseline: a minimal Netty server that writes every inbound message straight back, over the
 * same transport as the gateway run (framed TCP with the P3 4-byte length prefix, or WebSocket
 * text frames), and N raw Netty clients, each with one message outstanding. It has the same event
 * loop layout as the P3 server (one accept thread, Netty's default worker count) and the clients
 * share the load generator's client event-loop group, so the ratio gateway ÷ echo is what the
 * gateway costs on top of the transport.
 */
final class EchoLoad implements AutoCloseable {

    private static final int MAX_FRAME = 1 << 20;
    private static final String PATH = "/echo";

    private final boolean webSocket;
    private final byte[] payload;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final List<EchoClient> clients = new ArrayList<>();
    private Channel listener;

    private EchoLoad(boolean webSocket, byte[] payload) {
        this.webSocket = webSocket;
        this.payload = payload;
        this.boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("echo-accept", true),
                NioIoHandler.newFactory());
        this.workers = new MultiThreadIoEventLoopGroup(new DefaultThreadFactory("echo-io", true),
                NioIoHandler.newFactory());
    }

    /** Starts the echo server on 127.0.0.1 and connects {@code clients} clients to it. */
    static EchoLoad start(boolean webSocket, byte[] payload, EventLoopGroup clientGroup, int clients, Duration timeout)
            throws Exception {
        EchoLoad load = new EchoLoad(webSocket, payload);
        try {
            load.bind();
            load.connect(clientGroup, clients, timeout);
            return load;
        } catch (Exception e) {
            load.close();
            throw e;
        }
    }

    private void bind() {
        listener = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline pipeline = ch.pipeline();
                        if (webSocket) {
                            pipeline.addLast(new HttpServerCodec())
                                    .addLast(new HttpObjectAggregator(8192))
                                    .addLast(new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig
                                            .newBuilder()
                                            .websocketPath(PATH)
                                            .decoderConfig(WebSocketDecoderConfig.newBuilder()
                                                    .maxFramePayloadLength(MAX_FRAME).build())
                                            .build()));
                        } else {
                            pipeline.addLast(new P3FrameDecoder(MAX_FRAME)).addLast(new P3FrameEncoder(MAX_FRAME));
                        }
                        pipeline.addLast(new EchoServerHandler());
                    }
                })
                .bind("127.0.0.1", 0)
                .syncUninterruptibly()
                .channel();
    }

    private void connect(EventLoopGroup group, int count, Duration timeout) throws Exception {
        InetSocketAddress address = (InetSocketAddress) listener.localAddress();
        URI uri = URI.create("ws://127.0.0.1:" + address.getPort() + PATH);
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EchoClient client = new EchoClient();
            clients.add(client);
            ready.add(client.ready);
            new Bootstrap()
                    .group(group)
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ChannelPipeline pipeline = ch.pipeline();
                            if (webSocket) {
                                pipeline.addLast(new HttpClientCodec())
                                        .addLast(new HttpObjectAggregator(8192))
                                        .addLast(new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig
                                                .newBuilder()
                                                .webSocketUri(uri)
                                                .version(WebSocketVersion.V13)
                                                .maxFramePayloadLength(MAX_FRAME)
                                                .handshakeTimeoutMillis(timeout.toMillis())
                                                .build()));
                            } else {
                                pipeline.addLast(new P3FrameDecoder(MAX_FRAME)).addLast(new P3FrameEncoder(MAX_FRAME));
                            }
                            pipeline.addLast(client);
                        }
                    })
                    .connect(address)
                    .addListener(f -> {
                        if (!f.isSuccess()) {
                            client.ready.completeExceptionally(f.cause());
                        }
                    });
        }
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new))
                .get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    }

    /** One closed-loop run: every client sends, waits for its echo, sends again. */
    RunResult run(Duration warmup, Duration duration, Duration drainTimeout, StallMeter stallMeter)
            throws InterruptedException {
        Window window = new Window(warmup, duration);
        ErrorCounts errors = new ErrorCounts();
        CountDownLatch finished = new CountDownLatch(clients.size());
        for (EchoClient client : clients) {
            client.begin(window, errors, finished);
        }
        CpuMeter.Usage cpu = window.meterCpu(stallMeter);
        long waitNanos = window.end - System.nanoTime() + drainTimeout.toNanos();
        boolean drained = finished.await(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
        long stuck = drained ? 0 : finished.getCount();
        if (!drained) {
            errors.record("NO_ECHO_WITHIN_" + drainTimeout.toSeconds() + "S");
        }
        LatencyHistogram latency = new LatencyHistogram();
        long roundTrips = 0;
        for (EchoClient client : clients) {
            synchronized (client) {
                latency.add(client.latency);
                roundTrips += client.roundTrips;
                client.latency = new LatencyHistogram();
                client.roundTrips = 0;
            }
        }
        return new RunResult(roundTrips, 2 * roundTrips, window.measuredSeconds(), latency, errors, stuck,
                cpu);
    }

    @Override
    public void close() {
        for (EchoClient client : clients) {
            if (client.channel != null) {
                client.channel.close();
            }
        }
        if (listener != null) {
            listener.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        boss.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }

    /** Writes every inbound frame (a length-prefixed payload, or a WebSocket text frame) straight back. */
    private static final class EchoServerHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf || msg instanceof TextWebSocketFrame) {
                ctx.writeAndFlush(msg);
            } else {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** A raw client with one message outstanding at a time. */
    private final class EchoClient extends ChannelInboundHandlerAdapter {

        final CompletableFuture<Void> ready = new CompletableFuture<>();
        volatile Channel channel;
        private Window window;
        private ErrorCounts errors;
        private CountDownLatch finished;
        private LatencyHistogram latency = new LatencyHistogram();
        private long roundTrips;
        private long sentAt;

        synchronized void begin(Window runWindow, ErrorCounts runErrors, CountDownLatch runFinished) {
            window = runWindow;
            errors = runErrors;
            finished = runFinished;
            channel.eventLoop().execute(this::send);
        }

        private synchronized void send() {
            long now = System.nanoTime();
            if (window.over(now)) {
                finished.countDown();
                return;
            }
            sentAt = now;
            ByteBuf content = Unpooled.wrappedBuffer(payload);
            channel.writeAndFlush(webSocket ? new TextWebSocketFrame(content) : content).addListener(f -> {
                if (!f.isSuccess()) {
                    errors.record(f.cause());
                }
            });
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            channel = ctx.channel();
            if (!webSocket) {
                ready.complete(null);
            }
            super.channelActive(ctx);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                ready.complete(null);
            } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                ready.completeExceptionally(new IllegalStateException("WebSocket handshake timed out"));
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        public synchronized void channelRead(ChannelHandlerContext ctx, Object msg) {
            boolean echo = msg instanceof ByteBuf || msg instanceof WebSocketFrame;
            ReferenceCountUtil.release(msg);
            if (!echo || window == null) {
                return;
            }
            long now = System.nanoTime();
            if (window.measured(sentAt, now)) {
                roundTrips++;
                latency.record(now - sentAt);
            }
            send();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            ready.completeExceptionally(new IllegalStateException("echo connection closed"));
            if (window != null && !window.over(System.nanoTime())) {
                errors.record("ECHO_CONNECTION_CLOSED");
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (errors != null) {
                errors.record(cause);
            }
            ready.completeExceptionally(cause);
            ctx.close();
        }
    }
}
