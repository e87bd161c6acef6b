package io.tillgate.ipp.driver.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.ScheduledFuture;
import io.tillgate.ipp.codec.IppRequest;
import io.tillgate.ipp.codec.IppResponse;
import io.tillgate.ipp.codec.IppStage;
import io.tillgate.ipp.codec.IppStatus;
import io.tillgate.ipp.driver.IppTerminalConfig;
import io.tillgate.ipp.netty.IppDecodeFailure;
import io.tillgate.ipp.netty.IppFrameDecoder;
import io.tillgate.ipp.netty.IppMessageCodec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection to a myPOS terminal, running one exchange at a time: a request, its
 * intermediate stages, and its final answer (docs/protocols/ipp.md §2, §4). Honours STAGE 1 within the first-reply
 * timeout and each reply's TIMEOUT. All state is confined to the channel's event loop.
 */
public final class IppLink {

    private static final Logger LOG = LoggerFactory.getLogger(IppLink.class);

    private final Channel channel;
    private final IppTerminalConfig config;
    private Exchange current;

    private IppLink(Channel channel, IppTerminalConfig config) {
        this.channel = channel;
        this.config = config;
    }

    /** Connects; fails with an {@link IppLinkException} naming the terminal and address. */
    public static CompletableFuture<IppLink> open(Sockets sockets, IppTerminalConfig config) {
        CompletableFuture<IppLink> opened = new CompletableFuture<>();
        Inbound inbound = new Inbound();
        ChannelFuture connect;
        try {
            connect = sockets.bootstrap()
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new IppFrameDecoder(config.maxFrameLength()),
                                    IppMessageCodec.callerSide(), inbound);
                        }
                    })
                    .connect(config.host(), config.port());
        } catch (RuntimeException e) {
            // The shared event loops are shutting down.
            return CompletableFuture.failedFuture(new IppLinkException("terminal " + config.id()
                    + ": cannot connect: " + e.getMessage(), false));
        }
        connect.addListener(f -> {
            if (f.isSuccess()) {
                IppLink link = new IppLink(connect.channel(), config);
                inbound.link = link;
                opened.complete(link);
            } else {
                opened.completeExceptionally(new IppLinkException("terminal " + config.id() + " cannot connect to "
                        + config.host() + ":" + config.port() + ": " + f.cause().getMessage(), false));
            }
        });
        return opened;
    }

    /**
     * Sends a request and completes with its final answer; {@code progress} gets every other reply
     * for the same SID. Fails with {@link IppLinkException} on timeout, loss of the connection or
     * an unreadable frame.
     */
    public CompletableFuture<IppResponse> exchange(IppRequest request, Consumer<IppResponse> progress) {
        CompletableFuture<IppResponse> done = new CompletableFuture<>();
        channel.eventLoop().execute(() -> {
            if (current != null) {
                done.completeExceptionally(new IllegalStateException("terminal " + config.id()
                        + " link already runs exchange " + current.request.sid()));
                return;
            }
            if (!channel.isActive()) {
                done.completeExceptionally(new IppLinkException("terminal " + config.id()
                        + " closed the connection before " + request.methodCode() + " " + request.sid(), true));
                return;
            }
            current = new Exchange(request, progress, done);
            current.arm(config.firstReplyTimeout());
            channel.writeAndFlush(request);
        });
        return done;
    }

    /** Sends a request that is not answered as an exchange of its own (cancel, relay reply). */
    public void send(IppRequest request) {
        channel.writeAndFlush(request);
    }

    public void close() {
        channel.close();
    }

    /**
     * Whether a reply ends its exchange (docs/protocols/ipp.md §4): STAGE 5, or a non-zero status that is not
     * a continuation.
     */
    static boolean isFinal(IppResponse response) {
        IppStatus status = response.status();
        return switch (response.stage()) {
            case OUTCOME -> true;
            case CHECK_REQUEST -> status != IppStatus.OK;
            case CARD_HANDLING -> !(status == IppStatus.OK || status == IppStatus.UNSUPPORTED_CARD
                    || status == IppStatus.CONTINUE_52 || status == IppStatus.CONTINUE_53
                    || status == IppStatus.CONTINUE_54);
            case PIN_HANDLING -> !(status == IppStatus.OK || status == IppStatus.INVALID_PIN);
            default -> false;
        };
    }

    private Duration waitAfter(IppResponse response) {
        int seconds = response.timeoutSeconds();
        Duration wait = seconds > 0 ? Duration.ofSeconds(seconds) : config.defaultReplyTimeout();
        if (response.stage() == IppStage.HOST_RELAY) {
            wait = wait.plus(config.hostConnectTimeout()).plus(config.hostReadTimeout());
        }
        return wait;
    }

    private void received(IppResponse response) {
        Exchange exchange = current;
        if (exchange == null || !response.sid().equals(exchange.request.sid())) {
            LOG.debug("terminal {}: reply {} STAGE {} STATUS {} is not for the running exchange", config.id(),
                    response.sid(), response.stage().code(), response.status().code());
            return;
        }
        if (isFinal(response)) {
            current = null;
            exchange.timer.cancel(false);
            exchange.done.complete(response);
            return;
        }
        exchange.arm(waitAfter(response));
        try {
            exchange.progress.accept(response);
        } catch (RuntimeException e) {
            LOG.warn("terminal {}: progress of {} failed", config.id(), exchange.request.sid(), e);
        }
    }

    private void fail(IppLinkException failure) {
        Exchange exchange = current;
        current = null;
        if (exchange != null) {
            exchange.timer.cancel(false);
            exchange.done.completeExceptionally(failure);
        }
    }

    private final class Exchange {
        final IppRequest request;
        final Consumer<IppResponse> progress;
        final CompletableFuture<IppResponse> done;
        ScheduledFuture<?> timer;

        Exchange(IppRequest request, Consumer<IppResponse> progress, CompletableFuture<IppResponse> done) {
            this.request = request;
            this.progress = progress;
            this.done = done;
        }

        void arm(Duration wait) {
            if (timer != null) {
                timer.cancel(false);
            }
            Duration total = wait.plus(config.replyTimeoutGrace());
            timer = channel.eventLoop().schedule(() -> {
                if (current == this) {
                    fail(new IppLinkException("terminal " + config.id() + " sent nothing for " + total.toMillis()
                            + " ms during " + request.methodCode() + " " + request.sid(), true));
                }
            }, total.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Routes replies to the link; created before the link exists because the pipeline needs it. */
    private static final class Inbound extends SimpleChannelInboundHandler<Object> {
        private IppLink link;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (link == null) {
                // The terminal never speaks first; anything before the link is set up is noise.
                return;
            }
            if (msg instanceof IppResponse response) {
                link.received(response);
            } else if (msg instanceof IppDecodeFailure failure) {
                LOG.warn("terminal {}: unreadable reply{}: {}", link.config.id(),
                        failure.sid() == null ? "" : " to SID " + failure.sid(), failure.cause().getMessage());
                link.fail(new IppLinkException("terminal " + link.config.id() + " sent an unreadable reply: "
                        + failure.cause().getMessage(), true));
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (link != null) {
                link.fail(new IppLinkException("terminal " + link.config.id() + " closed the connection", true));
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            String id = link == null ? "?" : link.config.id();
            LOG.warn("terminal {}: connection failed: {}", id, cause.toString());
            if (link != null) {
                link.fail(new IppLinkException("terminal " + id + " connection failed: " + cause.getMessage(), true));
            }
            ctx.close();
        }
    }
}
