package io.tillgate.p3.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * Takes out of an upgraded WebSocket pipeline what only the HTTP upgrade needed: the path and
 * origin filter, Netty's responder that refuses HTTP requests after a handshake, and itself. Once
 * the handshake is complete the HTTP decoder is gone, so no HTTP request can reach them again; an
 * idle connection then carries two handler contexts fewer for as long as it is held.
 */
@ChannelHandler.Sharable
final class HandshakeLeftovers extends ChannelInboundHandlerAdapter {

    /** The name Netty gives the handler that answers HTTP after a handshake with 403. */
    private static final String FORBIDDEN_RESPONDER = "WS403Responder";

    private final ChannelHandler pathFilter;

    HandshakeLeftovers(ChannelHandler pathFilter) {
        this.pathFilter = pathFilter;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            ChannelPipeline pipeline = ctx.pipeline();
            if (pipeline.context(pathFilter) != null) {
                pipeline.remove(pathFilter);
            }
            if (pipeline.context(FORBIDDEN_RESPONDER) != null) {
                pipeline.remove(FORBIDDEN_RESPONDER);
            }
            pipeline.remove(this);
        }
        ctx.fireUserEventTriggered(event);
    }
}
