package io.tillgate.nexo.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.slf4j.Logger;

/**
 * How a nexo HTTP endpoint (the front-end, the POS listener) ends a connection that failed: it
 * closes it, and logs at WARN only what an operator may have to act on. An idle connection timing
 * out is routine, and a client that hangs up half-way through a request has had nothing run.
 */
public final class ConnectionFailures {

    private ConnectionFailures() {
    }

    /** Logs {@code cause} for the endpoint named {@code endpoint}, then closes the connection. */
    public static void close(Logger log, String endpoint, ChannelHandlerContext ctx, Throwable cause) {
        Object peer = ctx.channel().remoteAddress();
        if (cause instanceof ReadTimeoutException) {
            log.debug("{}: idle connection {} closed", endpoint, peer);
        } else if (cause instanceof PrematureChannelClosureException) {
            log.info("{}: {} closed its connection in the middle of a request; nothing was run", endpoint, peer);
        } else {
            log.warn("{}: connection {} failed: {}", endpoint, peer, cause.toString());
        }
        ctx.close();
    }
}
