package io.tillgate.p3.server;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a WebSocket connection the way RFC 6455 §7.4.1 names the reason, for the two messages P3
 * cannot take: a binary message (P3 is text only, close 1003) and a message that reassembles to
 * more than the configured maximum (close 1009). Sits after the P3 WebSocket codec, which passes
 * binary frames through and behind which the aggregator reports an over-limit message.
 */
final class WebSocketMessageGuard extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketMessageGuard.class);

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof BinaryWebSocketFrame) {
            ReferenceCountUtil.release(message);
            closeWith(ctx, WebSocketCloseStatus.INVALID_MESSAGE_TYPE, "P3 messages are text");
            return;
        }
        ctx.fireChannelRead(message);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            closeWith(ctx, WebSocketCloseStatus.MESSAGE_TOO_BIG, "P3 message too long");
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    private static void closeWith(ChannelHandlerContext ctx, WebSocketCloseStatus status, String reason) {
        LOG.info("P3 {} closed with WebSocket status {}: {}", ctx.channel().remoteAddress(), status.code(), reason);
        ctx.writeAndFlush(new CloseWebSocketFrame(status.code(), reason)).addListener(ChannelFutureListener.CLOSE);
    }
}
