package io.tillgate.p3.server;

import io.netty.channel.Channel;
import io.tillgate.p3.codec.P3Message;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one connection's outgoing messages go, from any thread, without ever blocking or throwing:
 * a POS that has gone away simply stops receiving.
 *
 * <p>Two ways to send, because order matters in P3: {@link #reply} writes a request's own response
 * at once, while {@link #publish} queues transaction progress behind whatever the event loop is
 * doing. So when an abort settles a transaction synchronously, the ABORT_TRANSACTION_RESPONSE still
 * goes out before the EXECUTE_TRANSACTION_RESPONSE it caused (p3.md §6, abort flow), and progress
 * reported from different gateway threads keeps the order it was reported in.
 */
final class P3Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(P3Outbox.class);

    private final Channel channel;

    P3Outbox(Channel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    /** The event loop this connection runs on. */
    Executor eventLoop() {
        return channel.eventLoop();
    }

    /** The address the connection comes from, without the port: what failed logins are counted by. */
    String sourceAddress() {
        return channel.remoteAddress() instanceof InetSocketAddress remote && remote.getAddress() != null
                ? remote.getAddress().getHostAddress() : String.valueOf(channel.remoteAddress());
    }

    /** Writes a response now (or as the next event-loop task when called from another thread). */
    void reply(P3Message message) {
        channel.writeAndFlush(message).addListener(written -> {
            if (!written.isSuccess() && channel.isActive()) {
                LOG.warn("P3 {} could not be sent {} (tag {}); closing the connection", channel.remoteAddress(),
                        message.type(), message.tag(), written.cause());
                channel.close();
            }
        });
    }

    /** Writes transaction progress after everything the event loop has already been given. */
    void publish(P3Message message) {
        try {
            channel.eventLoop().execute(() -> reply(message));
        } catch (RejectedExecutionException shuttingDown) {
            // the server is closing; the POS recovers the result with QUERY_TRANSACTION
        }
    }

    /** Closes the connection after everything already published. */
    void closeAfterPublished() {
        try {
            channel.eventLoop().execute(channel::close);
        } catch (RejectedExecutionException shuttingDown) {
            // the event loop is stopping and closes the channel itself
        }
    }
}
