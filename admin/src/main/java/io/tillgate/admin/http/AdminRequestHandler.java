package io.tillgate.admin.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.ssl.SslHandler;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each whole request to the {@link AdminRouter} and writes its answer, which may come later
 * from another thread (a journal read, a bcrypt check). The connection reads nothing more until the
 * answer is written, so pipelined requests are answered in order.
 */
final class AdminRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(AdminRequestHandler.class);

    private final AdminRouter router;
    private final SecurityHeaders security;

    AdminRequestHandler(AdminRouter router, SecurityHeaders security) {
        this.router = router;
        this.security = security;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.decoderResult().isSuccess()) {
            write(ctx, AdminResponse.error(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request"), false);
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        AdminRequest admin = new AdminRequest(request.method(), uri.path(), uri.parameters(),
                new DefaultHttpHeaders().set(request.headers()), ByteBufUtil.getBytes(request.content()),
                ctx.pipeline().get(SslHandler.class) != null);
        ctx.channel().config().setAutoRead(false);
        CompletableFuture<AdminResponse> answer;
        try {
            answer = router.route(admin, ctx);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((response, failure) -> {
            AdminResponse sent = response;
            if (failure != null) {
                LOG.warn("Admin request {} {} failed", admin.method(), admin.path(), failure);
                sent = AdminResponse.error(HttpResponseStatus.INTERNAL_SERVER_ERROR,
                        "the gateway could not answer this request; see its log");
            }
            if (sent != null) {
                write(ctx, sent, keepAlive);
            }
            ctx.channel().config().setAutoRead(true);
        });
    }

    private void write(ChannelHandlerContext ctx, AdminResponse response, boolean keepAlive) {
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, response.status(),
                Unpooled.wrappedBuffer(response.body()));
        if (response.contentType() != null) {
            http.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        }
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            http.headers().add(header.getKey(), header.getValue());
        }
        security.apply(http.headers());
        HttpUtil.setContentLength(http, response.body().length);
        if (keepAlive) {
            http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(http);
        } else {
            http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Admin connection from {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
