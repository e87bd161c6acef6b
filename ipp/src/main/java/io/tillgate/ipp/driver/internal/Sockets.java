package io.tillgate.ipp.driver.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.resolver.AddressResolverGroup;
import java.util.Objects;

/**
 * Where the driver's connections run — to the terminal and, in slave mode, to the host: the shared
 * event loops, and the resolver that turns host names into addresses without blocking them.
 */
public record Sockets(EventLoopGroup group, AddressResolverGroup<?> resolver) {

    public Sockets {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(resolver, "resolver");
    }

    /** A bootstrap for one TCP connection on these loops; the caller adds options and the handler. */
    Bootstrap bootstrap() {
        return new Bootstrap().group(group).channel(NioSocketChannel.class).resolver(resolver);
    }
}
