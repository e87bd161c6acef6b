package io.tillgate.transport.internal;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.tillgate.tls.TlsFailure;
import javax.net.ssl.SSLException;

/**
 * Behind the {@code SslHandler}: a failed handshake (an untrusted client certificate, TLS 1.1, no
 * common suite, plaintext on a TLS port) is one INFO-worthy line, not a stack trace from the
 * protocol's handler; the connection is closed.
 */
@ChannelHandler.Sharable
public final class TlsFailures extends ChannelInboundHandlerAdapter {

    private final ThrottledLog log;
    private final String listener;

    public TlsFailures(ThrottledLog log, String listener) {
        this.log = log;
        this.listener = listener;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent completion && !completion.isSuccess()) {
            log.warn("{}: TLS handshake with {} failed: {}", listener, ctx.channel().remoteAddress(),
                    TlsFailure.reason(completion.cause()));
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException && cause.getCause() instanceof SSLException) {
            // Reported by the handshake event above; the connection is closing.
            ctx.close();
            return;
        }
        ctx.fireExceptionCaught(cause);
    }
}
