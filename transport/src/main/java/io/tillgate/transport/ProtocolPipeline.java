package io.tillgate.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.socket.SocketChannel;

/** What a protocol adds to each connection a listener accepts, behind the transport's guards and TLS. */
@FunctionalInterface
public interface ProtocolPipeline {

    /**
     * Adds the protocol's handlers to a new connection.
     *
     * @param firstRequest goes right behind the handler whose output is a whole request (the frame
     *     decoder, the HTTP aggregator): the first message through it ends the connection's
     *     first-request deadline
     */
    void initialize(SocketChannel channel, ChannelHandler firstRequest);
}
