package io.tillgate.p3.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.tillgate.core.text.PeerText;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets only WebSocket upgrades on the P3 paths through to the handshake (project decision: {@code /}
 * and {@code /p3}, docs/protocols/p3.md §1.2). Any other path gets 404, and a plain HTTP request on a P3 path gets
 * 400 with a short hint, so a browser or a misconfigured POS sees at once what is wrong. With an
 * origin allow-list, an upgrade a browser sends from another page's {@code Origin} gets 403: a web
 * page the cashier happens to open cannot pay on the shop's terminals.
 */
@ChannelHandler.Sharable
final class WebSocketPathFilter extends ChannelInboundHandlerAdapter {

    static final Set<String> PATHS = Set.of("/", "/p3");

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketPathFilter.class);

    private final Set<String> allowedOrigins;

    /** @param allowedOrigins the origins browsers may connect from; empty for any */
    WebSocketPathFilter(Set<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(message);
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        if (!PATHS.contains(path)) {
            refuse(ctx, request, HttpResponseStatus.NOT_FOUND, "No P3 endpoint here; use / or /p3\n");
        } else if (!isWebSocketUpgrade(request)) {
            refuse(ctx, request, HttpResponseStatus.BAD_REQUEST,
                    "This is a P3 WebSocket endpoint; connect with a WebSocket client\n");
        } else if (!originAllowed(request.headers().get(HttpHeaderNames.ORIGIN))) {
            refuse(ctx, request, HttpResponseStatus.FORBIDDEN,
                    "This page's origin may not connect to this P3 endpoint (p3.allowedOrigins)\n");
        } else {
            ctx.fireChannelRead(message);
        }
    }

    /** No {@code Origin} is POS software, not a browser page: the allow-list is about pages. */
    private boolean originAllowed(String origin) {
        return origin == null || allowedOrigins.isEmpty() || allowedOrigins.contains(origin);
    }

    private static boolean isWebSocketUpgrade(FullHttpRequest request) {
        return request.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
                && request.headers().contains(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    private static void refuse(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
            String text) {
        LOG.info("P3 {} {} {} refused: {}", ctx.channel().remoteAddress(), request.method(),
                PeerText.clip(request.uri()), status);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        request.release();
        FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), status,
                Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        HttpUtil.setContentLength(response, response.content().readableBytes());
        HttpUtil.setKeepAlive(response, keepAlive);
        ctx.writeAndFlush(response).addListener(keepAlive ? ChannelFutureListener.CLOSE_ON_FAILURE
                : ChannelFutureListener.CLOSE);
    }
}
