package io.tillgate.p3.client;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Promise;
import io.tillgate.p3.codec.P3Message;
import io.tillgate.p3.netty.P3DecodeFailure;
import io.tillgate.tls.TlsFailure;
import java.nio.channels.ClosedChannelException;
import javax.net.ssl.SSLHandshakeException;

/**
 * The last handler of a client channel: reports when the channel is open for P3 (at once for TCP,
 * after the handshake for WebSocket), hands decoded messages and decode failures to the session,
 * and tells it when the channel closes and why. Any exception closes the channel: the session
 * then recovers what was running.
 */
final class ClientHandler extends ChannelInboundHandlerAdapter {

    private final ClientSession session;
    private final Promise<io.netty.channel.Channel> opened;
    private final boolean webSocket;
    private final boolean tls;
    private Throwable failure;

    /**
     * @param webSocket open once the WebSocket handshake is done
     * @param tls open (framed TCP) once the TLS handshake is done; its failure fails the opening
     */
    ClientHandler(ClientSession session, Promise<io.netty.channel.Channel> opened, boolean webSocket, boolean tls) {
        this.session = session;
        this.opened = opened;
        this.webSocket = webSocket;
        this.tls = tls;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!webSocket && !tls) {
            opened.trySuccess(ctx.channel());
        }
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (!handshake.isSuccess()) {
                opened.tryFailure(new SSLHandshakeException("TLS handshake failed: "
                        + TlsFailure.reason(handshake.cause()) + " (does the client trust the gateway's CA?)"));
                ctx.close();
            } else if (!webSocket) {
                opened.trySuccess(ctx.channel());
            }
        } else if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            opened.trySuccess(ctx.channel());
        } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            opened.tryFailure(new WebSocketClientHandshakeException("WebSocket handshake timed out"));
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof P3Message message) {
            session.onMessage(ctx.channel(), message);
        } else if (msg instanceof P3DecodeFailure decodeFailure) {
            session.onUnreadable(ctx.channel(), decodeFailure.cause());
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        opened.tryFailure(cause);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!opened.tryFailure(failure != null ? failure : new ClosedChannelException())) {
            session.onClosed(ctx.channel(), failure);
        }
        ctx.fireChannelInactive();
    }
}
