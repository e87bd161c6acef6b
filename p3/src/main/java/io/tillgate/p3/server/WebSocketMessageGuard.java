package io.tillgate.p3.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a WebSocket connection with one close frame whose status names the reason (RFC 6455
 * §7.4.1), for what P3 cannot take: a binary message (P3 is text only, 1003), a text message that
 * is not UTF-8 (1007, as §8.1 requires), a message that reassembles to more than the configured
 * maximum (1009), and the protocol violations Netty's frame decoder reports (1002 mostly, with
 * its reason). Sits between the frame aggregator and the P3 WebSocket codec.
 *
 * <p>Netty's frame decoder and UTF-8 validator can close the connection themselves, but they
 * write their close frame from in front of the protocol handler, which then sends a second close
 * frame of its own as the channel closes. The server turns both off and lets this guard close, so
 * the protocol handler sees the one close frame go out.
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
        if (message instanceof TextWebSocketFrame text && !ByteBufUtil.isText(text.content(), StandardCharsets.UTF_8)) {
            text.release();
            closeWith(ctx, WebSocketCloseStatus.INVALID_PAYLOAD_DATA, "P3 messages are UTF-8 text");
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
        if (cause instanceof CorruptedWebSocketFrameException corrupted) {
            closeWith(ctx, corrupted.closeStatus(), corrupted.getMessage());
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    private static void closeWith(ChannelHandlerContext ctx, WebSocketCloseStatus status, String reason) {
        LOG.info("P3 {} closed with WebSocket status {}: {}", ctx.channel().remoteAddress(), status.code(), reason);
        ctx.writeAndFlush(new CloseWebSocketFrame(status.code(), reason)).addListener(ChannelFutureListener.CLOSE);
    }
}
