package io.tillgate.p3.server;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.tillgate.p3.netty.P3Pipelines;
import io.tillgate.transport.IdleTimeout;
import io.tillgate.transport.ProtocolPipeline;

/**
 * The two pipelines of the P3 server. They differ only in how messages are framed — a WebSocket
 * upgrade with one P3 message per text message, or the 4-byte length prefix — and both end in the
 * same {@link P3ServerHandler}, so every request is handled identically whichever transport it
 * came over. Both close a connection that stays silent longer than the idle timeout, timed by one
 * {@link IdleTimeout} per listener rather than a timer per connection.
 */
final class P3ChannelInitializers {

    /** The WebSocket handshake is a small GET; anything bigger is not a P3 client. */
    private static final int MAX_HANDSHAKE_BYTES = 8 * 1024;

    private static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    private P3ChannelInitializers() {
    }

    /**
     * WebSocket on {@code /} and {@code /p3}: HTTP upgrade, text messages up to {@code maxFrameBytes}.
     * The upgrade request is the connection's first request.
     */
    static ProtocolPipeline webSocket(P3ServerContext context) {
        P3ServerConfig config = context.config();
        WebSocketServerProtocolConfig protocol = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/")
                .checkStartsWith(true)
                .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(config.maxFrameBytes())
                        .allowExtensions(false)
                        // WebSocketMessageGuard checks UTF-8 and closes on a violation, with one close frame
                        .withUTF8Validator(false)
                        .closeOnProtocolViolation(false)
                        .build())
                .build();
        WebSocketPathFilter paths = new WebSocketPathFilter(config.allowedOrigins());
        HandshakeLeftovers leftovers = new HandshakeLeftovers(paths);
        IdleTimeout idle = new IdleTimeout(config.idleTimeout());
        return (channel, firstRequest) -> {
            ChannelPipeline pipeline = channel.pipeline();
            pipeline.addLast(idle.newHandler())
                    .addLast(new HttpServerCodec())
                    .addLast(new HttpObjectAggregator(MAX_HANDSHAKE_BYTES))
                    .addLast(firstRequest)
                    .addLast(paths)
                    .addLast(new WebSocketServerProtocolHandler(protocol))
                    .addLast(leftovers);
            P3Pipelines.addWebSocketCodec(pipeline, config.maxFrameBytes());
            pipeline.addBefore(P3Pipelines.WEBSOCKET_CODEC, "p3WebSocketGuard", new WebSocketMessageGuard())
                    .addLast(new P3ServerHandler(context));
        };
    }

    /** Framed TCP: the codec's length-prefix framing with {@code maxFrameBytes} as the limit. */
    static ProtocolPipeline tcp(P3ServerContext context) {
        P3ServerConfig config = context.config();
        IdleTimeout idle = new IdleTimeout(config.idleTimeout());
        return (channel, firstRequest) -> {
            ChannelPipeline pipeline = channel.pipeline();
            pipeline.addLast(idle.newHandler());
            P3Pipelines.addTcpCodec(pipeline, config.maxFrameBytes());
            pipeline.addLast(firstRequest).addLast(new P3ServerHandler(context));
        };
    }
}
