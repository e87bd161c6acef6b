package io.tillgate.transport;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import java.net.InetSocketAddress;

/** A bound listener: where it listens and the connections it holds. */
public final class Listener implements AutoCloseable {

    private final String name;
    private final Channel channel;
    private final ChannelGroup connections;
    private final int maxConnections;

    Listener(String name, Channel channel, ChannelGroup connections, int maxConnections) {
        this.name = name;
        this.channel = channel;
        this.connections = connections;
        this.maxConnections = maxConnections;
    }

    public String name() {
        return name;
    }

    /** The bound address (the actual port when configured as 0). */
    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Connections open now. */
    public int openConnections() {
        return connections.size();
    }

    /** The most connections it admits at once ({@code gateway.limits.maxConnections}); each is an open file. */
    public int maxConnections() {
        return maxConnections;
    }

    public boolean isOpen() {
        return channel.isOpen();
    }

    /** Stops accepting and closes every connection; waits until they are closed. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        connections.close().awaitUninterruptibly();
    }
}
