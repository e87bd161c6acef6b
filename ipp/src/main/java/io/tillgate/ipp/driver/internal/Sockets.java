package io.tillgate.ipp.driver.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoop;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.resolver.AddressResolverGroup;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Where the driver's connections run — to the terminal and, in slave mode, to the host: the shared
 * event loops, and the resolver that turns host names into addresses without blocking them.
 */
public record Sockets(EventLoopGroup group, AddressResolverGroup<?> resolver) {

    public Sockets {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * These sockets on the caller's event loop, when it has one (see
     * {@link io.tillgate.core.service.PaymentRequest#affinity()}) that runs NIO channels and is not
     * stopping; else these sockets unchanged.
     */
    public Sockets on(Executor affinity) {
        return affinity instanceof IoEventLoop loop && loop.isIoType(NioIoHandler.class) && !loop.isShuttingDown()
                ? new Sockets(loop, resolver) : this;
    }

    /** A bootstrap for one TCP connection on these loops; the caller adds options and the handler. */
    Bootstrap bootstrap() {
        return new Bootstrap().group(group).channel(NioSocketChannel.class).resolver(resolver);
    }
}
