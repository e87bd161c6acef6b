package io.tillgate.ipp.driver.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.tillgate.ipp.codec.IppStatus;
import io.tillgate.ipp.driver.IppTerminalConfig;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The caller side of slave mode (docs/protocols/ipp.md §9): writes the terminal's DATA to the host verbatim and
 * reads the host's answer, a 2-byte length (not counting itself) and that many bytes, verbatim.
 * Nothing is recomputed. With STATUS 0 the host connection serves one exchange; with 31/32 (software
 * update) it is kept for the next round. Used by one transaction at a time.
 */
public final class HostRelay {

    /** The host's frames: 2-byte big-endian payload length, kept with the payload. */
    private static final int MAX_HOST_FRAME = 0xFFFF + 2;

    private final Sockets sockets;
    private final IppTerminalConfig config;
    private final CertificateCache certificates;
    private HostEndpoint endpoint;
    private Channel channel;
    private HostInbound inbound;

    public HostRelay(Sockets sockets, IppTerminalConfig config, CertificateCache certificates) {
        this.sockets = sockets;
        this.config = config;
        this.certificates = certificates;
    }

    /**
     * Relays one host request.
     *
     * @param data the DATA value from the terminal, prefix included, written as it is
     * @param status the STAGE 4 STATUS: 31 sends only and completes with {@code null}
     * @return the host's answer, prefix included, for the STAGE 4 reply's DATA
     */
    public synchronized CompletableFuture<byte[]> relay(HostEndpoint target, byte[] data, IppStatus status) {
        CompletableFuture<Channel> connected = channel != null && channel.isActive() && target.sameAs(endpoint)
                ? CompletableFuture.completedFuture(channel) : connect(target);
        HostInbound answers = inbound;
        return connected.thenCompose(ch -> {
            CompletableFuture<byte[]> answer = status == IppStatus.RELAY_NO_ANSWER ? null : answers.next();
            ch.writeAndFlush(Unpooled.wrappedBuffer(data));
            if (answer == null) {
                return CompletableFuture.completedFuture(null);
            }
            return answer.orTimeout(config.hostReadTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((bytes, failure) -> {
                        if (status == IppStatus.OK || failure != null) {
                            ch.close();
                        }
                    });
        });
    }

    public synchronized void close() {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    private CompletableFuture<Channel> connect(HostEndpoint target) {
        close();
        SslContext tls;
        try {
            tls = target.tls() ? tlsFor(target) : null;
        } catch (IllegalStateException | SSLException e) {
            return CompletableFuture.failedFuture(e);
        }
        HostInbound handler = new HostInbound();
        CompletableFuture<Channel> ready = new CompletableFuture<>();
        ChannelFuture connect = sockets.bootstrap()
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.hostConnectTimeout().toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc(), target.host(), target.port()));
                        }
                        ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(MAX_HOST_FRAME, 0, 2, 0, 0), handler);
                    }
                })
                .connect(target.host(), target.port());
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                ready.completeExceptionally(new IppLinkException("host " + target + " is unreachable: "
                        + f.cause().getMessage(), false));
                return;
            }
            io.netty.handler.ssl.SslHandler ssl = connect.channel().pipeline().get(io.netty.handler.ssl.SslHandler.class);
            if (ssl == null) {
                ready.complete(connect.channel());
                return;
            }
            ssl.handshakeFuture().addListener(h -> {
                if (h.isSuccess()) {
                    ready.complete(connect.channel());
                } else {
                    connect.channel().close();
                    ready.completeExceptionally(new IppLinkException("TLS with host " + target + " failed: "
                            + h.cause().getMessage(), false));
                }
            });
        });
        endpoint = target;
        channel = connect.channel();
        inbound = handler;
        return ready;
    }

    private SslContext tlsFor(HostEndpoint target) throws SSLException {
        List<X509Certificate> anchors = certificates.resolve(target.chain()).orElseThrow(() ->
                new IllegalStateException("host " + target + ": a CHAIN certificate was never fetched with "
                        + "GET_CERTIFICATE"));
        // Trust exactly the certificates the terminal named, and check the host name against them.
        return SslContextBuilder.forClient().trustManager(anchors.toArray(X509Certificate[]::new))
                .endpointIdentificationAlgorithm("HTTPS").build();
    }

    /** Hands the host's frames to whoever waits for the next one. */
    private static final class HostInbound extends SimpleChannelInboundHandler<ByteBuf> {
        private final Queue<CompletableFuture<byte[]>> waiting = new ArrayDeque<>();
        private final Queue<byte[]> early = new ArrayDeque<>();

        synchronized CompletableFuture<byte[]> next() {
            CompletableFuture<byte[]> answer = new CompletableFuture<>();
            byte[] ready = early.poll();
            if (ready != null) {
                answer.complete(ready);
            } else {
                waiting.add(answer);
            }
            return answer;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
            byte[] bytes = ByteBufUtil.getBytes(frame);
            CompletableFuture<byte[]> answer;
            synchronized (this) {
                answer = waiting.poll();
                if (answer == null) {
                    early.add(bytes);
                    return;
                }
            }
            answer.complete(bytes);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            failAll(new IppLinkException("host closed the connection before answering", true));
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failAll(new IppLinkException("host connection failed: " + cause.getMessage(), true));
            ctx.close();
        }

        private void failAll(RuntimeException failure) {
            List<CompletableFuture<byte[]>> pending;
            synchronized (this) {
                pending = List.copyOf(waiting);
                waiting.clear();
            }
            pending.forEach(f -> f.completeExceptionally(failure));
        }
    }
}
