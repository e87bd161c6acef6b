package io.tillgate.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link IdleTimeout} over real loopback sockets: silent connections are told on time, in both
 * directions' sense of silence, many connections share one timer per event loop, and a handler
 * that keeps a connection open is told again after another period.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IdleTimeoutTest {

    private static final Duration TIMEOUT = Duration.ofMillis(400);
    /** For the tests that keep a connection busy: long enough that a stall of this shared machine is not silence. */
    private static final Duration LONG_TIMEOUT = Duration.ofMillis(1500);
    private static final Duration TALK_EVERY = Duration.ofMillis(100);

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final List<Socket> sockets = new ArrayList<>();
    /** Per accepted connection (by the client's port): how often it was told it is idle. */
    private final ConcurrentMap<Integer, AtomicInteger> told = new ConcurrentHashMap<>();

    @AfterEach
    void close() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aSilentConnectionIsToldAfterTheTimeoutAndClosedByItsHandler() throws Exception {
        InetSocketAddress server = serve(new IdleTimeout(TIMEOUT), true, false);
        Socket client = connect(server);
        long start = System.nanoTime();
        assertThat(readUntilClosed(client, Duration.ofSeconds(10))).isTrue();
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(elapsedMillis).isBetween(TIMEOUT.toMillis() - 50, TIMEOUT.toMillis() + 2_000);
        assertThat(told.values()).singleElement().extracting(AtomicInteger::get).isEqualTo(1);
    }

    @Test
    void readsKeepAConnectionAlivePastTheTimeout() throws Exception {
        InetSocketAddress server = serve(new IdleTimeout(LONG_TIMEOUT), true, false);
        Socket talking = connect(server);
        Socket silent = connect(server);
        OutputStream out = talking.getOutputStream();
        long end = System.nanoTime() + LONG_TIMEOUT.multipliedBy(3).toNanos();
        while (System.nanoTime() < end) {
            out.write('x');
            out.flush();
            Thread.sleep(TALK_EVERY.toMillis());
        }
        assertThat(readUntilClosed(silent, Duration.ofSeconds(5))).as("the silent one is closed").isTrue();
        assertThat(readUntilClosed(talking, Duration.ofMillis(100))).as("the talking one is open").isFalse();
    }

    @Test
    void writesKeepAConnectionAlivePastTheTimeout() throws Exception {
        // The server reads nothing but writes every TALK_EVERY on its own: still not idle.
        InetSocketAddress server = serve(new IdleTimeout(LONG_TIMEOUT), true, true);
        Socket client = connect(server);
        InputStream in = client.getInputStream();
        client.setSoTimeout(10_000);
        long end = System.nanoTime() + LONG_TIMEOUT.multipliedBy(3).toNanos();
        int received = 0;
        while (System.nanoTime() < end) {
            int b = in.read();
            assertThat(b).as("the connection stays open while the server writes").isNotNegative();
            received++;
        }
        assertThat(received).isGreaterThanOrEqualTo(10);
        assertThat(told).isEmpty();
    }

    @Test
    void manyConnectionsOnOneEventLoopAreAllToldWithinTheGranularity() throws Exception {
        IdleTimeout timeout = new IdleTimeout(TIMEOUT);
        InetSocketAddress server = serve(timeout, true, false);
        for (int i = 0; i < 300; i++) {
            connect(server);
        }
        long start = System.nanoTime();
        for (Socket socket : sockets) {
            assertThat(readUntilClosed(socket, Duration.ofSeconds(10))).isTrue();
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(elapsedMillis).isLessThan(TIMEOUT.plus(timeout.granularity()).toMillis() + 3_000);
        assertThat(told).hasSize(300).allSatisfy((port, count) -> assertThat(count.get()).isEqualTo(1));
    }

    @Test
    void aConnectionItsHandlerKeepsOpenIsToldAgainAfterAnotherPeriod() throws Exception {
        InetSocketAddress server = serve(new IdleTimeout(TIMEOUT), false, false);
        connect(server);
        Thread.sleep(TIMEOUT.multipliedBy(3).plusMillis(TIMEOUT.toMillis() / 2).toMillis());
        assertThat(told.values()).singleElement().extracting(AtomicInteger::get)
                .satisfies(count -> assertThat(count).isBetween(2, 3));
    }

    @Test
    void theTimeoutMustBePositive() {
        assertThatThrownBy(() -> new IdleTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        assertThat(new IdleTimeout(Duration.ofMinutes(10)).granularity()).isEqualTo(Duration.ofSeconds(1));
        assertThat(new IdleTimeout(Duration.ofMillis(5)).granularity()).isEqualTo(Duration.ofMillis(1));
    }

    /** A server whose connections count their idle events and close on one ({@code close}); it may write on a timer. */
    private InetSocketAddress serve(IdleTimeout timeout, boolean close, boolean writeOnATimer) throws Exception {
        Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(timeout.newHandler(), new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelActive(ChannelHandlerContext ctx) {
                                if (writeOnATimer) {
                                    ctx.executor().scheduleAtFixedRate(() -> ctx.writeAndFlush(
                                            ctx.alloc().buffer(1).writeByte('y')), 0, TALK_EVERY.toMillis(),
                                            TimeUnit.MILLISECONDS);
                                }
                                ctx.fireChannelActive();
                            }

                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                ReferenceCountUtil.release(msg);
                            }

                            @Override
                            public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
                                if (event instanceof IdleStateEvent) {
                                    int port = ((InetSocketAddress) ctx.channel().remoteAddress()).getPort();
                                    told.computeIfAbsent(port, p -> new AtomicInteger()).incrementAndGet();
                                    if (close) {
                                        ctx.close();
                                    }
                                }
                            }
                        });
                    }
                })
                .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
        return (InetSocketAddress) channel.localAddress();
    }

    private Socket connect(InetSocketAddress server) throws IOException {
        Socket socket = new Socket(server.getAddress(), server.getPort());
        sockets.add(socket);
        return socket;
    }

    /** Whether the server closed the connection within {@code wait} (what it sent meanwhile is skipped). */
    private static boolean readUntilClosed(Socket socket, Duration wait) throws IOException {
        long end = System.nanoTime() + wait.toNanos();
        InputStream in = socket.getInputStream();
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) left);
            try {
                if (in.read() < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            }
        }
    }
}
