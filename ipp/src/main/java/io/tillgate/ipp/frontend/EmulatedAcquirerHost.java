package io.tillgate.ipp.frontend;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The acquirer host of an emulated terminal in slave mode: what the POS reaches when it relays the
 * terminal's STAGE 4 traffic (docs/protocols/ipp.md §9), so that {@code tillgate emulate ipp --slave} exercises a
 * POS's relay end to end without a real host. It answers every request frame with one fixed
 * acknowledgement; the simulated card flow decides the outcome, not this host.
 *
 * <pre>
 * request  (as the terminal framed it):  +--------+-----------------+
 *                                        | len 2B | len - 2 bytes   |   len counts itself
 *                                        +--------+-----------------+
 * answer   (as a host frames it):        +--------+-----------------+
 *                                        | len 2B | len bytes       |   len does not
 *                                        +--------+-----------------+
 * </pre>
 */
public final class EmulatedAcquirerHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatedAcquirerHost.class);
    private static final byte[] ACKNOWLEDGEMENT = "TILLGATE-IPP-HOST;OK".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_FRAME = 0xFFFF;
    private static final int READ_TIMEOUT_SECONDS = 60;

    private final String host;
    private final EventLoopGroup group;
    private Channel server;

    /** @param host the address to listen on; the port is chosen when it starts */
    public EmulatedAcquirerHost(String host) {
        this.host = host;
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("ipp-emulated-host", true),
                NioIoHandler.newFactory());
    }

    /** Binds a free port and returns the address to give the POS as IP and PORT. */
    public synchronized InetSocketAddress start() {
        try {
            server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline()
                                    .addLast(new ReadTimeoutHandler(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                                    .addLast(new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 2, -2, 0))
                                    .addLast(new Acknowledger());
                        }
                    })
                    .bind(host, 0).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("cannot start the emulated IPP acquirer host on " + host + ": "
                    + e.getMessage(), e);
        }
        return (InetSocketAddress) server.localAddress();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private static final class Acknowledger extends SimpleChannelInboundHandler<ByteBuf> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf request) {
            ByteBuf answer = ctx.alloc().buffer(2 + ACKNOWLEDGEMENT.length);
            answer.writeShort(ACKNOWLEDGEMENT.length).writeBytes(ACKNOWLEDGEMENT);
            ctx.writeAndFlush(answer);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("emulated IPP host: connection from {} closed: {}", ctx.channel().remoteAddress(),
                    cause.toString());
            ctx.close();
        }
    }
}
