package io.tillgate.bench.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tillgate.transport.ListenerSpec;
import io.tillgate.transport.LocalCa;
import io.tillgate.transport.ServerTls;
import io.tillgate.transport.ServerTransport;
import io.tillgate.tls.TlsPolicy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Full TLS handshakes a listener completes per second with one I/O thread (one core): clients on
 * another thread connect, complete a handshake with no session resumption, close, and connect
 * again, {@code concurrency} at a time. Prints the rate and the server thread's CPU time per
 * handshake, whose inverse is the rate one fully busy core would sustain.
 *
 * <p>{@code java -cp bench/target/tillgate-bench.jar io.tillgate.bench.transport.TlsHandshakeRate
 * [seconds] [concurrency]}
 */
public final class TlsHandshakeRate {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path certs = Files.createTempDirectory("tillgate-handshakes");
        LocalCa ca = LocalCa.create(certs, "Bench CA");
        ca.issueServer(List.of("localhost", "127.0.0.1"));
        ServerTls tls = ServerTls.fromPem(certs.resolve(LocalCa.SERVER_CERTIFICATE),
                certs.resolve(LocalCa.SERVER_KEY), null);
        // No host and port on the client handler: nothing to key a session cache on, so every
        // handshake is a full one, as a new POS or a restarted one makes. Without a host there is no
        // name to check either; the chain is still checked against the CA.
        SslContext client = SslContextBuilder.forClient().sslProvider(TlsPolicy.provider())
                .protocols(TlsPolicy.PROTOCOLS).trustManager(ca.caCertificate().toFile())
                .endpointIdentificationAlgorithm(null).build();
        try (ServerTransport server = ServerTransport.create("handshake-server", 1)) {
            InetSocketAddress address = server.listen(ListenerSpec.of("handshakes", "127.0.0.1", 0,
                    (channel, firstRequest) -> { }).withTls(tls)).address();
            EventLoopGroup clients = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("handshake-client",
                    true), NioIoHandler.newFactory());
            AtomicLong done = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            Bootstrap bootstrap = new Bootstrap().group(clients).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(client.newHandler(channel.alloc()),
                                    new ChannelInboundHandlerAdapter() {
                                        @Override
                                        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
                                            if (event instanceof SslHandshakeCompletionEvent handshake) {
                                                (handshake.isSuccess() ? done : failed).incrementAndGet();
                                                ctx.close();
                                            }
                                        }
                                    });
                        }
                    });
            long end = System.nanoTime() + 3_000_000_000L + seconds * 1_000_000_000L;
            for (int i = 0; i < concurrency; i++) {
                loop(bootstrap, address, end);
            }
            Thread.sleep(3_000);
            long startCount = done.get();
            long startCpu = serverCpuNanos();
            long startTime = System.nanoTime();
            Thread.sleep(seconds * 1_000L);
            long handshakes = done.get() - startCount;
            double elapsed = (System.nanoTime() - startTime) / 1e9;
            double cpuMicros = (serverCpuNanos() - startCpu) / 1e3 / handshakes;
            System.out.printf(Locale.ROOT, "TLS through %s, %d concurrent clients: %.0f full handshakes/s; server I/O "
                            + "thread %.0f us CPU per handshake = %.0f handshakes/s per fully busy core; %d failed%n",
                    TlsPolicy.provider(), concurrency, handshakes / elapsed, cpuMicros, 1e6 / cpuMicros, failed.get());
            Thread.sleep(500);
            clients.shutdownGracefully().syncUninterruptibly();
        }
    }

    /** Connects, and when that connection closes, connects again until {@code endNanos}. */
    private static void loop(Bootstrap bootstrap, InetSocketAddress address, long endNanos) {
        if (System.nanoTime() > endNanos) {
            return;
        }
        bootstrap.connect(address).addListener(connected -> {
            Channel channel = ((io.netty.channel.ChannelFuture) connected).channel();
            channel.closeFuture().addListener(closed -> loop(bootstrap, address, endNanos));
        });
    }

    private static long serverCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("handshake-server-io")) {
                total += threads.getThreadCpuTime(info.getThreadId());
            }
        }
        return total;
    }
}
