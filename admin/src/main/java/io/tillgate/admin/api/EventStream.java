package io.tillgate.admin.api;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.tillgate.admin.http.SecurityHeaders;
import io.tillgate.admin.terminal.TerminalView;
import io.tillgate.core.transaction.TransactionFeed;
import io.tillgate.core.transaction.TransactionRecord;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live stream of {@code /api/events} as Server-Sent Events: each durable transaction change as a
 * {@code transaction} event, each terminal state change as a {@code terminal} event, and a comment
 * every {@link #KEEP_ALIVE_SECONDS} so that proxies and the idle timeout keep the connection. A
 * subscriber that cannot keep up (its socket buffer full) is dropped rather than buffered without
 * bound; the browser's EventSource reconnects and the console reloads what it shows.
 */
public final class EventStream implements TransactionFeed, AutoCloseable {

    static final int KEEP_ALIVE_SECONDS = 15;
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

    private final ChannelGroup subscribers = new DefaultChannelGroup("admin-events", GlobalEventExecutor.INSTANCE);
    private final SecurityHeaders security;
    private final ScheduledFuture<?> keepAlive;

    public EventStream(SecurityHeaders security, ScheduledExecutorService scheduler) {
        this.security = security;
        this.keepAlive = scheduler.scheduleAtFixedRate(() -> {
            if (!subscribers.isEmpty()) {
                send(": keep-alive\n\n");
            }
        }, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }

    /** Answers the request with the stream's head and keeps the connection as a subscriber. */
    void open(ChannelHandlerContext ctx) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        security.apply(head.headers());
        HttpUtil.setTransferEncodingChunked(head, true);
        Channel channel = ctx.channel();
        channel.write(head);
        // The reconnection delay for EventSource, and a first line so the browser knows it is open.
        channel.writeAndFlush(chunk("retry: 3000\n: open\n\n"));
        subscribers.add(channel);
    }

    /** Called on the journal's completion thread for every write: nothing is built while no one listens. */
    @Override
    public void changed(TransactionRecord transaction) {
        if (!subscribers.isEmpty()) {
            send("event: transaction\ndata: " + JsonViews.transaction(transaction) + "\n\n");
        }
    }

    public void terminal(TerminalView terminal) {
        if (!subscribers.isEmpty()) {
            send("event: terminal\ndata: " + JsonViews.terminal(terminal) + "\n\n");
        }
    }

    private void send(String frame) {
        ByteBuf bytes = Unpooled.copiedBuffer(frame, StandardCharsets.UTF_8);
        try {
            for (Channel channel : subscribers) {
                if (channel.isWritable()) {
                    channel.writeAndFlush(new DefaultHttpContent(bytes.retainedDuplicate()));
                } else {
                    LOG.info("Admin event stream to {} dropped: it does not keep up", channel.remoteAddress());
                    channel.close();
                }
            }
        } finally {
            bytes.release();
        }
    }

    private static DefaultHttpContent chunk(String text) {
        return new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        keepAlive.cancel(false);
        subscribers.close();
    }
}
