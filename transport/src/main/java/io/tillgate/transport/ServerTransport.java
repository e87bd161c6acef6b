package io.tillgate.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.tillgate.transport.internal.ConnectionGate;
import io.tillgate.transport.internal.FirstRequestDeadline;
import io.tillgate.transport.internal.ThrottledLog;
import io.tillgate.transport.internal.TlsFailures;
import java.net.BindException;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side every listener of a gateway shares: one accepting event loop and one group of
 * I/O event loops for all of them, one way to bind and to close, and the guards each accepted
 * connection passes before its protocol sees a byte — the source-address allow-list, the
 * connection limits, TLS, and the deadline for its first complete request.
 *
 * <p>Closing stops every listener it bound, closes their connections, then stops its event loops
 * with no quiet period and a five-second bound: transactions the connections watched go on in the
 * payment service, which a front-end never owns.
 */
public final class ServerTransport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerTransport.class);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 5;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ThrottledLog refusals = new ThrottledLog(LOG);

    private ServerTransport(EventLoopGroup boss, EventLoopGroup workers) {
        this.boss = boss;
        this.workers = workers;
    }

    /**
     * @param name prefixes the threads' names ({@code name-accept}, {@code name-io-N})
     * @param ioThreads I/O event loops; {@code 0} for Netty's default (twice the cores)
     */
    public static ServerTransport create(String name, int ioThreads) {
        return new ServerTransport(
                new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(name + "-accept", true),
                        NioIoHandler.newFactory()),
                new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory(name + "-io", true),
                        NioIoHandler.newFactory()));
    }

    /** The I/O event loops, for the clients a front-end runs beside its listener (a nexo POS listener's posts). */
    /** Every listener opened on this transport, closed ones included (see {@link Listener#isOpen()}). */
    public List<Listener> listeners() {
        return List.copyOf(listeners);
    }

    public EventLoopGroup ioLoops() {
        return workers;
    }

    /**
     * The connections each bound listener holds now, by listener name (two listeners of one name are
     * added up); for metrics, which read it when scraped. Closed listeners are left out.
     */
    public Map<String, Integer> openConnections() {
        return listeners.stream().filter(Listener::isOpen)
                .collect(Collectors.toUnmodifiableMap(Listener::name, Listener::openConnections, Integer::sum));
    }

    /**
     * Binds a listener.
     *
     * @throws IllegalStateException naming the listener, host and port when it cannot bind
     */
    public Listener listen(ListenerSpec spec) {
        ChannelGroup connections = new DefaultChannelGroup(spec.name(), GlobalEventExecutor.INSTANCE);
        ConnectionGate gate = new ConnectionGate(spec.limits());
        TlsFailures tlsFailures = spec.tls() == null ? null : new TlsFailures(refusals, spec.name());
        ChannelFuture bound = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        accept(spec, gate, connections, tlsFailures, channel);
                    }
                })
                .bind(spec.host(), spec.port())
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw bindFailure(spec, bound.cause());
        }
        Listener listener = new Listener(spec.name(), bound.channel(), connections, spec.limits().maxConnections());
        listeners.add(listener);
        LOG.debug("{} listening on {}{}{}", spec.name(), listener.address(), spec.tls() == null ? "" : " (TLS)",
                spec.allowed() == null ? "" : ", from " + spec.allowed() + " only");
        return listener;
    }

    private void accept(ListenerSpec spec, ConnectionGate gate, ChannelGroup connections, TlsFailures tlsFailures,
            SocketChannel channel) {
        if (spec.allowed() != null && !spec.allowed().allows(channel.remoteAddress())) {
            refusals.warn("{}: refused a connection from {}, which is not on its allow-list", spec.name(),
                    channel.remoteAddress());
            channel.close();
            return;
        }
        InetAddress source = channel.remoteAddress().getAddress();
        String refusal = gate.acquire(source);
        if (refusal != null) {
            refusals.warn("{}: refused a connection from {}: {}", spec.name(), channel.remoteAddress(), refusal);
            channel.close();
            return;
        }
        channel.closeFuture().addListener(closed -> gate.release(source));
        connections.add(channel);
        if (spec.tls() != null) {
            SslHandler tls = spec.tls().newHandler(channel.alloc());
            tls.setHandshakeTimeoutMillis(spec.limits().firstRequestDeadline().toMillis());
            channel.pipeline().addLast("tls", tls).addLast("tlsFailures", tlsFailures);
        }
        spec.protocol().initialize(channel,
                new FirstRequestDeadline(spec.limits().firstRequestDeadline(), refusals, spec.name()));
    }

    private static IllegalStateException bindFailure(ListenerSpec spec, Throwable cause) {
        if (cause instanceof BindException && String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT)
                .contains("in use")) {
            return new IllegalStateException(spec.name() + " port " + spec.port() + " on " + spec.host()
                    + " is already in use", cause);
        }
        return new IllegalStateException(spec.name() + " cannot listen on " + spec.host() + ":" + spec.port() + ": "
                + cause.getMessage(), cause);
    }

    /** Closes every listener and its connections, then stops the event loops. Safe to call twice. */
    @Override
    public void close() {
        for (Listener listener : listeners) {
            listener.close();
        }
        listeners.clear();
        for (EventLoopGroup group : new EventLoopGroup[] {boss, workers}) {
            group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
