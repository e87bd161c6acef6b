package io.tillgate.p3.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.tillgate.p3.codec.P3Message;
import io.tillgate.p3.netty.P3DecodeFailure;
import java.io.IOException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of both pipelines, WebSocket and framed TCP: hands each decoded message (or decode
 * failure) to the connection's {@link P3Session}, and closes the connection on what P3 cannot
 * recover from — an over-limit frame or another framing error (a {@link DecoderException}), a
 * broken socket, or idleness. One instance per connection.
 */
final class P3ServerHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(P3ServerHandler.class);

    private final P3ServerContext context;
    private P3Session session;

    P3ServerHandler(P3ServerContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        LOG.debug("P3 {} connected", ctx.channel().remoteAddress());
        session = new P3Session(context, new P3Outbox(ctx.channel()));
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof P3Message p3) {
            session.onMessage(p3);
        } else if (message instanceof P3DecodeFailure failure) {
            session.onUnreadable(failure.cause());
        } else {
            LOG.warn("P3 {} unexpected inbound {}; dropped", ctx.channel().remoteAddress(),
                    message.getClass().getSimpleName());
            ReferenceCountUtil.release(message);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        LOG.debug("P3 {} disconnected", ctx.channel().remoteAddress());
        if (session != null) {
            session.onClosed();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            LOG.debug("P3 {} idle for {}; closing", ctx.channel().remoteAddress(), context.config().idleTimeout());
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException) {
            LOG.info("P3 {} closed for a protocol error: {}", ctx.channel().remoteAddress(), cause.getMessage());
        } else if (cause instanceof IOException) {
            LOG.debug("P3 {} connection failed: {}", ctx.channel().remoteAddress(), cause.getMessage());
        } else {
            LOG.warn("P3 {} closed after an unexpected failure", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
