package io.tillgate.concert.driver;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.resolver.AddressResolverGroup;
import io.tillgate.concert.codec.ConcertDecodingException;
import io.tillgate.concert.codec.TlvMessage;
import io.tillgate.concert.netty.ConcertFrameDecoder;
import io.tillgate.concert.netty.ConcertFrameTooLongException;
import io.tillgate.concert.netty.ConcertMessageCodec;
import io.tillgate.concert.netty.MessageCompletion;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request and its answer over one new TCP connection (docs/protocols/concert.md §1): connect, one write, read
 * until the end-of-answer rule says done, close. Completes with what happened, never exceptionally.
 */
final class ConcertExchange {

    /** How an exchange ended. */
    sealed interface Result {
    }

    /** The terminal answered. */
    record Answered(TlvMessage answer) implements Result {
    }

    /** No connection, so the request never left: the terminal did nothing. */
    record NotSent(String reason) implements Result {
    }

    /** The request may have reached the terminal, but no readable answer came back. */
    record Lost(String reason) implements Result {
    }

    private final ConcertTerminalConfig config;
    private final EventLoopGroup group;
    private final AddressResolverGroup<?> resolver;

    ConcertExchange(ConcertTerminalConfig config, EventLoopGroup group, AddressResolverGroup<?> resolver) {
        this.config = config;
        this.group = group;
        this.resolver = resolver;
    }

    /**
     * @param request the message to send
     * @param affinity the event loop to connect on, when the caller has one (see
     *     {@link io.tillgate.core.service.PaymentRequest#affinity()}); else, or when it is not an NIO
     *     loop that still runs, the shared group
     * @param onSent called on the event loop once the request is written
     */
    CompletableFuture<Result> run(TlvMessage request, Executor affinity, Runnable onSent) {
        CompletableFuture<Result> result = new CompletableFuture<>();
        MessageCompletion completion = config.drainIntervalOnly() ? MessageCompletion.NEVER
                : MessageCompletion.answerTo(request);
        new Bootstrap()
                .group(affinity instanceof IoEventLoop loop && loop.isIoType(NioIoHandler.class)
                        && !loop.isShuttingDown() ? loop : group)
                .channel(NioSocketChannel.class)
                .resolver(resolver)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(
                                new ConcertFrameDecoder(ConcertFrameDecoder.Mode.ANSWER, config.maxAnswerBytes(),
                                        config.drainInterval(), completion),
                                new ConcertMessageCodec(),
                                new AnswerHandler(result));
                    }
                })
                .connect(config.host(), config.port())
                .addListener(connected -> {
                    if (!connected.isSuccess()) {
                        result.complete(new NotSent("cannot connect to " + config.host() + ":" + config.port() + ": "
                                + connected.cause().getMessage()));
                        return;
                    }
                    Channel channel = ((ChannelFuture) connected).channel();
                    result.whenComplete((r, e) -> channel.close());
                    channel.writeAndFlush(request).addListener(written -> {
                        if (!written.isSuccess()) {
                            result.complete(new Lost("writing the request failed: " + written.cause().getMessage()));
                            return;
                        }
                        onSent.run();
                        ScheduledFuture<?> deadline = channel.eventLoop().schedule(() -> result.complete(
                                new Lost("no answer within " + config.answerDeadline())),
                                config.answerDeadline().toMillis(), TimeUnit.MILLISECONDS);
                        result.whenComplete((r, e) -> deadline.cancel(false));
                    });
                });
        return result;
    }

    /** Turns what the pipeline delivers into the exchange's one result. */
    private static final class AnswerHandler extends SimpleChannelInboundHandler<TlvMessage> {
        private final CompletableFuture<Result> result;

        AnswerHandler(CompletableFuture<Result> result) {
            this.result = result;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TlvMessage answer) {
            result.complete(new Answered(answer));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            String reason;
            if (cause instanceof DecoderException && cause.getCause() instanceof ConcertDecodingException e) {
                reason = "unreadable answer: " + e.getMessage();
            } else if (cause instanceof ConcertFrameTooLongException) {
                reason = cause.getMessage();
            } else {
                reason = "connection failed: " + cause;
            }
            result.complete(new Lost(reason));
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            result.complete(new Lost("connection closed by the terminal before an answer"));
            ctx.fireChannelInactive();
        }
    }
}
