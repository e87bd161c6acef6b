package io.tillgate.nexo.netty;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.HttpExpectationFailedEvent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import io.tillgate.core.text.PeerText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands right behind {@code HttpServerCodec} and lets through only what a nexo server may act on:
 * the parts of well-formed requests, on a connection that has not been given its last answer.
 *
 * <ul>
 *   <li>Anything the codec could not decode (a failed {@link DecoderResult} on a request or on a part
 *       of its body) is answered with 400 and the connection closed: the codec reads nothing more on
 *       that connection, so an answer that kept it open would leave the client waiting for the idle
 *       timeout. This must happen before the aggregator, which drops a failed request whose
 *       Content-Length is above the maximum after its 413 and keeps the connection open.</li>
 *   <li>Once an answer that closes the connection has been written (a refusal, an answer to a request
 *       with {@code Connection: close}, the aggregator's 413 or 417), nothing more is let through. The
 *       codec goes on decoding whatever the same read held, and a request behind the last answer must
 *       not run (RFC 9112 §9.6): a payment would start that no one can be told about.</li>
 * </ul>
 */
public final class HttpRequestGate extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HttpRequestGate.class);

    private final String side;
    private boolean lastAnswerGiven;

    /** @param side who serves here, for log lines ({@code nexo front-end}, {@code nexo POS listener}) */
    public HttpRequestGate(String side) {
        this.side = side;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (lastAnswerGiven || !ctx.channel().isActive()) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof DecoderResultProvider decoded && decoded.decoderResult().isFailure()) {
            ReferenceCountUtil.release(msg);
            refuseMalformed(ctx, decoded.decoderResult().cause());
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof HttpExpectationFailedEvent) {
            // The aggregator answers 413 or 417 to the expectation and closes (closeOnExpectationFailed).
            lastAnswerGiven = true;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (closesTheConnection(msg)) {
            lastAnswerGiven = true;
        }
        ctx.write(msg, promise);
    }

    private static boolean closesTheConnection(Object msg) {
        if (msg instanceof NexoHttpAnswer answer) {
            return !answer.keepAlive();
        }
        return msg instanceof HttpResponse response
                && response.status().codeClass() != HttpStatusClass.INFORMATIONAL
                && !HttpUtil.isKeepAlive(response);
    }

    private void refuseMalformed(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("{} {} refused a malformed HTTP request: {}", side, ctx.channel().remoteAddress(),
                PeerText.clip(String.valueOf(cause.getMessage())));
        lastAnswerGiven = true;
        ctx.writeAndFlush(new NexoHttpAnswer.Refusal(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request",
                false));
    }
}
