package io.tillgate.transport.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that has not delivered a whole request by an absolute deadline after it was
 * accepted. An idle timer would be reset by every byte; this one is not, so a client that holds
 * a connection open by trickling bytes is closed on time. Sits behind the decoder that yields whole
 * requests and leaves the pipeline once the first one passes.
 */
public final class FirstRequestDeadline extends ChannelInboundHandlerAdapter {

    private final Duration deadline;
    private final ThrottledLog log;
    private final String listener;
    private ScheduledFuture<?> expiry;

    public FirstRequestDeadline(Duration deadline, ThrottledLog log, String listener) {
        this.deadline = deadline;
        this.log = log;
        this.listener = listener;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        expiry = ctx.executor().schedule(() -> expire(ctx), deadline.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        cancel();
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(message);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    private void expire(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            log.warn("{}: closed {}, no complete request within {} ms of connecting", listener,
                    ctx.channel().remoteAddress(), deadline.toMillis());
            ctx.close();
        }
    }

    private void cancel() {
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
    }
}
