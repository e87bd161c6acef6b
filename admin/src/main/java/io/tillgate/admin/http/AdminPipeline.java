package io.tillgate.admin.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.tillgate.transport.ProtocolPipeline;
import java.util.concurrent.TimeUnit;

/**
 * The admin listener's connections: HTTP/1.1 with bodies of at most {@link #MAX_BODY_BYTES} (the
 * API takes small JSON documents only), closed after {@link #IDLE_SECONDS} without traffic either
 * way (the event stream writes a keep-alive well within it).
 */
public final class AdminPipeline implements ProtocolPipeline {

    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int IDLE_SECONDS = 120;

    private final AdminRouter router;
    private final SecurityHeaders security;

    public AdminPipeline(AdminRouter router, SecurityHeaders security) {
        this.router = router;
        this.security = security;
    }

    @Override
    public void initialize(SocketChannel channel, ChannelHandler firstRequest) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("idle", new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS) {
            @Override
            protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent event) {
                ctx.close();
            }
        });
        pipeline.addLast("http", new HttpServerCodec(4096, 16 * 1024, 8192));
        pipeline.addLast("aggregator", new HttpObjectAggregator(MAX_BODY_BYTES));
        pipeline.addLast("first-request", firstRequest);
        pipeline.addLast("admin", new AdminRequestHandler(router, security));
    }
}
