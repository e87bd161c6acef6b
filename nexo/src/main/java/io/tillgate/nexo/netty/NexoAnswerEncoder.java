package io.tillgate.nexo.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.tillgate.nexo.codec.NexoCodec;
import java.nio.charset.StandardCharsets;

/**
 * Turns a {@link NexoHttpAnswer} into the HTTP response and closes the connection after it when
 * the request did not ask to keep it alive. Other outbound messages pass through.
 */
public final class NexoAnswerEncoder extends ChannelOutboundHandlerAdapter {

    private final NexoCodec codec;

    public NexoAnswerEncoder(NexoCodec codec) {
        this.codec = codec;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof NexoHttpAnswer answer)) {
            ctx.write(msg, promise);
            return;
        }
        FullHttpResponse response;
        if (answer instanceof NexoHttpAnswer.Document document) {
            response = response(HttpResponseStatus.OK, Unpooled.wrappedBuffer(codec.encode(document.response())));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, NexoHttp.CONTENT_TYPE);
        } else if (answer instanceof NexoHttpAnswer.Refusal refusal) {
            response = response(refusal.status(), Unpooled.copiedBuffer(refusal.reason() + "\n",
                    StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN + "; charset=utf-8");
        } else {
            response = response(HttpResponseStatus.NO_CONTENT, Unpooled.EMPTY_BUFFER);
        }
        HttpUtil.setKeepAlive(response, answer.keepAlive());
        ChannelPromise written = promise.unvoid();
        if (!answer.keepAlive()) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        ctx.write(response, written);
    }

    private static FullHttpResponse response(HttpResponseStatus status, ByteBuf body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        if (status != HttpResponseStatus.NO_CONTENT) {
            HttpUtil.setContentLength(response, body.readableBytes());
        }
        return response;
    }
}
