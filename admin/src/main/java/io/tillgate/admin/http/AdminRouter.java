package io.tillgate.admin.http;

import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.CompletableFuture;

/** What the admin listener does with a request: the API, the console's files, health and metrics. */
public interface AdminRouter {

    /**
     * The answer, now or later; never blocks. Completes with {@code null} when the router took the
     * connection over (the live event stream) and writes to it itself.
     */
    CompletableFuture<AdminResponse> route(AdminRequest request, ChannelHandlerContext ctx);
}
