package io.tillgate.p3.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.tillgate.p3.netty.P3Pipelines;

/**
 * Opens the client's channels on the session's event loop with the pipeline of the endpoint's
 * transport, from the codec handlers the server uses too ({@link P3Pipelines}):
 *
 * <pre>
 *  tcp://  P3FrameDecoder(max) · P3FrameEncoder · P3MessageCodec · ClientHandler
 *  ws://   HttpClientCodec · HttpObjectAggregator · WebSocketClientProtocolHandler(max frame)
 *          · WebSocketFrameAggregator(max) · P3WebSocketCodec · ClientHandler
 * </pre>
 *
 * The maximum message size is enforced on reads; a larger message closes the connection.
 */
final class ClientConnector {

    /** Bounds the HTTP upgrade response of the WebSocket handshake, which has no body. */
    private static final int MAX_HANDSHAKE_RESPONSE_BYTES = 8192;

    /**
     * Looks the gateway's name up without blocking the event loop, which may be shared with other
     * clients. One for every client, like Netty's own default: it keeps one resolver per event loop
     * and closes it when that loop ends.
     */
    private static final DnsAddressResolverGroup RESOLVER = new DnsAddressResolverGroup(new DnsNameResolverBuilder()
            .datagramChannelType(NioDatagramChannel.class).socketChannelType(NioSocketChannel.class));

    private final ClientSettings settings;
    private final EventLoop loop;
    private final ClientSession session;

    ClientConnector(ClientSettings settings, EventLoop loop, ClientSession session) {
        this.settings = settings;
        this.loop = loop;
        this.session = session;
    }

    /**
     * Connects to {@code endpoint}; the future succeeds with the channel once P3 messages can flow
     * (after the WebSocket handshake for {@code ws://}), and fails with the reason otherwise.
     */
    Future<Channel> open(P3Endpoint endpoint) {
        Promise<Channel> opened = loop.newPromise();
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .resolver(RESOLVER)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline pipeline = ch.pipeline();
                        if (endpoint.tls()) {
                            pipeline.addLast(settings.tls().newHandler(ch.alloc(), endpoint.host(), endpoint.port()));
                        }
                        if (endpoint.webSocket()) {
                            addWebSocketHandlers(pipeline, endpoint);
                        } else {
                            P3Pipelines.addTcpCodec(pipeline, settings.maxFrameBytes());
                        }
                        pipeline.addLast(new ClientHandler(session, opened, endpoint.webSocket(), endpoint.tls()));
                    }
                });
        bootstrap.connect(endpoint.host(), endpoint.port()).addListener((ChannelFuture connected) -> {
            if (!connected.isSuccess()) {
                opened.tryFailure(connected.cause());
            }
        });
        return opened;
    }

    /** Closes a channel, saying goodbye with a WebSocket close frame where there is one. */
    ChannelFuture close(Channel ch) {
        if (ch.pipeline().get(WebSocketClientProtocolHandler.class) != null && ch.isActive()) {
            ch.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                    .addListener(ChannelFutureListener.CLOSE);
            return ch.closeFuture();
        }
        return ch.close();
    }

    private void addWebSocketHandlers(ChannelPipeline pipeline, P3Endpoint endpoint) {
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(endpoint.uri())
                .version(WebSocketVersion.V13)
                .maxFramePayloadLength(settings.maxFrameBytes())
                .handshakeTimeoutMillis(settings.connectTimeout().toMillis())
                .handleCloseFrames(true)
                .dropPongFrames(true)
                // An Origin is what a browser page sends; POS software is not one, and a gateway with
                // an origin allow-list would refuse a made-up one.
                .generateOriginHeader(false)
                .build();
        pipeline.addLast(new HttpClientCodec())
                .addLast(new HttpObjectAggregator(MAX_HANDSHAKE_RESPONSE_BYTES))
                .addLast(new WebSocketClientProtocolHandler(config));
        P3Pipelines.addWebSocketCodec(pipeline, settings.maxFrameBytes());
    }
}
