package io.tillgate.nexo.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.resolver.AddressResolverGroup;
import io.tillgate.nexo.netty.NexoHttp;
import io.tillgate.tls.ClientTls;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * POSTs one nexo document per connection and completes with the HTTP answer. A connection per
 * request keeps Abort and TransactionStatus independent of a pending Payment (docs/protocols/nexo.md §1.1) and
 * makes a lost answer unambiguous: the connection it was owed on is gone.
 *
 * <p>The exchange, framed by Netty's {@code HttpClientCodec} and {@code HttpObjectAggregator}
 * (which bounds the answer to the maximum body size):
 * <pre>
 *  client                                   server
 *  POST /EPASSaleToPOI/3.1 HTTP/1.1 CRLF  --&gt;
 *  Host, Content-Type, Content-Length CRLF
 *  CRLF + N bytes SaleToPOIRequest
 *                                        &lt;--  HTTP/1.1 200 OK | 204 No Content CRLF
 *                                              Content-Length: M CRLF CRLF
 *                                              M bytes SaleToPOIResponse (200 only)
 *  close
 * </pre>
 * Fails with {@link NexoTransportException} saying whether the request may have been delivered.
 */
public final class NexoHttpClient {

    private final EventLoopGroup group;
    private final AddressResolverGroup<?> resolver;
    private final int maxBodyBytes;
    private final Duration connectTimeout;

    /**
     * @param group the event loops connections run on
     * @param resolver resolves host names without blocking those loops
     */
    public NexoHttpClient(EventLoopGroup group, AddressResolverGroup<?> resolver, int maxBodyBytes,
            Duration connectTimeout) {
        this.group = group;
        this.resolver = resolver;
        this.maxBodyBytes = maxBodyBytes;
        this.connectTimeout = connectTimeout;
    }

    /**
     * An HTTP answer: the status code, the body bytes (empty for 204), and the address that answered
     * — what a POS listener later checks a terminal's posts against.
     */
    public record Reply(int status, byte[] body, InetAddress peer) {
    }

    /**
     * Posts {@code body} to {@code host:port} at the nexo path.
     *
     * @param tls HTTPS with this trust, or {@code null} for plain HTTP
     * @param answerTimeout how long to wait for the answer once connected
     */
    public CompletableFuture<Reply> post(String host, int port, ClientTls tls, byte[] body, Duration answerTimeout) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .resolver(resolver)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc(), host, port));
                        }
                        ch.pipeline().addLast(new ReadTimeoutHandler(answerTimeout.toMillis(), TimeUnit.MILLISECONDS));
                        ch.pipeline().addLast(new HttpClientCodec(NexoHttp.MAX_INITIAL_LINE, NexoHttp.MAX_HEADER_SIZE,
                                8192));
                        ch.pipeline().addLast(new HttpObjectAggregator(maxBodyBytes));
                        ch.pipeline().addLast(new ReplyHandler(reply));
                    }
                });
        ChannelFuture connect = bootstrap.connect(host, port);
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                reply.completeExceptionally(new NexoTransportException(false, "cannot connect to " + host + ":"
                        + port + ": " + describe(done.cause()), done.cause()));
                return;
            }
            Channel channel = connect.channel();
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, NexoHttp.PATH,
                    Unpooled.wrappedBuffer(body));
            request.headers().set(HttpHeaderNames.HOST, host + ":" + port)
                    .set(HttpHeaderNames.ACCEPT, "*/*")
                    .set(HttpHeaderNames.CONTENT_TYPE, NexoHttp.CONTENT_TYPE)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            HttpUtil.setContentLength(request, body.length);
            channel.writeAndFlush(request).addListener(written -> {
                if (!written.isSuccess()) {
                    reply.completeExceptionally(new NexoTransportException(false, "cannot send to " + host + ":"
                            + port + ": " + describe(written.cause()), written.cause()));
                    channel.close();
                }
            });
            // A caller that gives up (an abort, a shutdown) frees the connection.
            reply.whenComplete((r, e) -> channel.close());
        });
        return reply;
    }

    private static String describe(Throwable cause) {
        return cause == null ? "unknown" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage());
    }

    private static final class ReplyHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final CompletableFuture<Reply> reply;

        ReplyHandler(CompletableFuture<Reply> reply) {
            this.reply = reply;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            if (!response.decoderResult().isSuccess()) {
                reply.completeExceptionally(new NexoTransportException(true, "malformed HTTP answer: "
                        + describe(response.decoderResult().cause()), response.decoderResult().cause()));
            } else {
                reply.complete(new Reply(response.status().code(), ByteBufUtil.getBytes(response.content()),
                        ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress()));
            }
            ctx.close();
        }

        /** A failed TLS handshake: the request was never sent, whatever the write says. */
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof SslHandshakeCompletionEvent handshake && !handshake.isSuccess()) {
                reply.completeExceptionally(new NexoTransportException(false, "TLS handshake failed: "
                        + describe(handshake.cause()), handshake.cause()));
                ctx.close();
                return;
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            reply.completeExceptionally(cause instanceof ReadTimeoutException
                    ? new NexoTransportException(true, "no answer within the timeout", null)
                    : new NexoTransportException(true, "connection failed: " + describe(cause), cause));
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            reply.completeExceptionally(new NexoTransportException(true, "connection closed before the answer",
                    null));
        }
    }
}
