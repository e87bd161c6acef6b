package io.tillgate.p3.client;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.tillgate.p3.codec.LoginMerchantResponse;
import io.tillgate.p3.codec.P3Device;
import io.tillgate.p3.codec.P3Message;
import io.tillgate.p3.codec.P3MessageType;
import io.tillgate.p3.netty.P3Pipelines;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback P3 server the test scripts by hand: it queues every request the client sends (decoded
 * and as raw JSON) and sends whatever the test tells it to, over framed TCP or WebSocket, built
 * from the same codec handlers as the real server.
 */
final class ScriptedP3Server implements AutoCloseable {

    static final List<P3Device> DEVICES = List.of(
            P3Device.of("Terminal 1", "sim-1", "MOCK", "MOCK"),
            P3Device.of("Terminal 2", "sim-2", "MOCK", "MOCK"));

    private static final int MAX_FRAME = 4 * 1024 * 1024;

    private final boolean webSocket;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final BlockingQueue<P3Message> requests = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> rawRequests = new LinkedBlockingQueue<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Channel server;
    private volatile Channel client;
    private volatile String lastRaw;

    private ScriptedP3Server(boolean webSocket) throws InterruptedException {
        this.webSocket = webSocket;
        this.server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (webSocket) {
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                    new WebSocketServerProtocolHandler("/p3", null, false, MAX_FRAME),
                                    new RawCapture());
                            P3Pipelines.addWebSocketCodec(ch.pipeline(), MAX_FRAME);
                        } else {
                            P3Pipelines.addTcpCodec(ch.pipeline(), MAX_FRAME);
                            ch.pipeline().addAfter(P3Pipelines.FRAME_DECODER, "raw", new RawCapture());
                        }
                        ch.pipeline().addLast(new Recorder());
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    static ScriptedP3Server start(boolean webSocket) throws InterruptedException {
        return new ScriptedP3Server(webSocket);
    }

    URI uri() {
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        return URI.create((webSocket ? "ws" : "tcp") + "://127.0.0.1:" + port);
    }

    /** The next request the client sent; fails the test after five seconds. */
    P3Message take() throws InterruptedException {
        P3Message message = requests.poll(5, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("the client sent no request within 5 s");
        }
        lastRaw = rawRequests.poll();
        return message;
    }

    /** The next request, which must be of {@code type}. */
    P3Message take(P3MessageType type) throws InterruptedException {
        P3Message message = take();
        if (message.type() != type) {
            throw new AssertionError("expected " + type + ", got " + message.type());
        }
        return message;
    }

    /** The JSON of the request {@link #take()} returned last, exactly as it arrived. */
    String lastRaw() {
        return lastRaw;
    }

    /** Answers the next request, which must be a login, with the two test devices. */
    P3Message acceptLogin() throws InterruptedException {
        P3Message login = take(P3MessageType.LOGIN_MERCHANT_REQUEST);
        send(P3Message.ok(login, new LoginMerchantResponse(Map.of("location", "test"), DEVICES)));
        return login;
    }

    void send(P3Message message) {
        currentClient().writeAndFlush(message).syncUninterruptibly();
    }

    /** Sends JSON as written, bypassing the message codec (framed for TCP, a text frame for WebSocket). */
    void sendRaw(String json) {
        Object frame = webSocket ? new TextWebSocketFrame(json) : Unpooled.copiedBuffer(json, StandardCharsets.UTF_8);
        currentClient().writeAndFlush(frame).syncUninterruptibly();
    }

    /** Sends bytes as they are, below every encoder (a hand-made TCP frame header, say). */
    void sendBytes(byte[] bytes) {
        currentClient().pipeline().firstContext().writeAndFlush(Unpooled.wrappedBuffer(bytes)).syncUninterruptibly();
    }

    void dropConnection() {
        currentClient().close().syncUninterruptibly();
    }

    int connections() {
        return connections.get();
    }

    private Channel currentClient() {
        Channel ch = client;
        if (ch == null) {
            throw new AssertionError("no client connected");
        }
        return ch;
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Keeps each request's JSON as it arrived. */
    private final class RawCapture extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf buf) {
                rawRequests.add(buf.toString(StandardCharsets.UTF_8));
            } else if (msg instanceof TextWebSocketFrame frame) {
                rawRequests.add(frame.text());
            }
            ctx.fireChannelRead(msg);
        }
    }

    private final class Recorder extends SimpleChannelInboundHandler<Object> {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (!webSocket) {
                adopt(ctx.channel());
            }
            ctx.fireChannelActive();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                adopt(ctx.channel());
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof P3Message message) {
                requests.add(message);
            }
        }

        private void adopt(Channel ch) {
            client = ch;
            connections.incrementAndGet();
        }
    }
}
