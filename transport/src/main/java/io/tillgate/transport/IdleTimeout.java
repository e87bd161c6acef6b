package io.tillgate.transport;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Tells a connection that has been silent in both directions for the timeout, as Netty's
 * {@code IdleStateHandler(0, 0, timeout)} does, with {@link IdleStateEvent#ALL_IDLE_STATE_EVENT}
 * through its pipeline (the protocol's handler closes it), but with one timer per event loop for
 * all its connections instead of one per connection.
 *
 * <p>Each event loop keeps its connections in one list ordered by their last activity: a read or a
 * write moves a connection to the end, so the least recently active one is always first and only
 * the first can be due. One task per event loop is scheduled for when the first becomes due, closes
 * what is due then, and schedules itself for the next. An idle connection so costs one small
 * handler object and nothing in the scheduler: a gateway holding a hundred thousand idle POS
 * connections has a handful of timers, not a hundred thousand. Timeouts fire at most
 * {@link #granularity()} late, so that connections falling due one after another share a run.
 */
public final class IdleTimeout {

    private static final long MIN_GRANULARITY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_GRANULARITY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final long timeoutNanos;
    private final long granularityNanos;
    private final Map<EventLoop, Sweeper> sweepers = new ConcurrentHashMap<>();

    /** @param timeout how long a connection may stay silent in both directions */
    public IdleTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive, was " + timeout);
        }
        this.timeoutNanos = timeout.toNanos();
        this.granularityNanos = Math.max(MIN_GRANULARITY_NANOS, Math.min(MAX_GRANULARITY_NANOS, timeoutNanos / 10));
    }

    /** A new handler for one connection; put it first in the pipeline, where it sees every read and write. */
    public ChannelHandler newHandler() {
        return new Tracked(this);
    }

    /** How late a timeout may fire: a tenth of the timeout, between 1 ms and 1 s. */
    public Duration granularity() {
        return Duration.ofNanos(granularityNanos);
    }

    private Sweeper sweeperOf(EventLoop loop) {
        return sweepers.computeIfAbsent(loop, Sweeper::new);
    }

    /** One connection: a link in its event loop's list, and when it was last active. */
    private static final class Tracked extends ChannelDuplexHandler {

        private final IdleTimeout timeout;
        private ChannelHandlerContext ctx;
        private Sweeper sweeper;
        private Tracked previous;
        private Tracked next;
        private long lastActivity;

        Tracked(IdleTimeout timeout) {
            this.timeout = timeout;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext context) {
            ctx = context;
            if (context.channel().isActive() && context.channel().isRegistered()) {
                start();
            }
        }

        @Override
        public void channelActive(ChannelHandlerContext context) {
            start();
            context.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            touch();
            context.fireChannelRead(message);
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            touch();
            context.write(message, promise);
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            stop();
            context.fireChannelInactive();
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext context) {
            stop();
        }

        private void start() {
            if (sweeper == null) {
                sweeper = timeout.sweeperOf(ctx.channel().eventLoop());
                lastActivity = System.nanoTime();
                sweeper.append(this);
            }
        }

        private void touch() {
            if (sweeper != null) {
                lastActivity = System.nanoTime();
                sweeper.moveToEnd(this);
            }
        }

        private void stop() {
            if (sweeper != null) {
                sweeper.unlink(this);
                sweeper = null;
            }
        }
    }

    /**
     * The connections of one event loop, least recently active first, and the one task that tells
     * the due ones. Touched on that event loop only, so nothing is locked.
     */
    private final class Sweeper {

        private final EventLoop loop;
        private Tracked first;
        private Tracked last;
        private ScheduledFuture<?> run;
        private boolean sweeping;

        Sweeper(EventLoop loop) {
            this.loop = loop;
        }

        void append(Tracked connection) {
            connection.previous = last;
            connection.next = null;
            if (last == null) {
                first = connection;
            } else {
                last.next = connection;
            }
            last = connection;
            if (run == null && !sweeping) {
                schedule(connection.lastActivity + timeoutNanos);
            }
        }

        void moveToEnd(Tracked connection) {
            if (connection != last) {
                unlink(connection);
                append(connection);
            }
        }

        void unlink(Tracked connection) {
            if (connection.previous == null) {
                first = connection.next;
            } else {
                connection.previous.next = connection.next;
            }
            if (connection.next == null) {
                last = connection.previous;
            } else {
                connection.next.previous = connection.previous;
            }
            connection.previous = null;
            connection.next = null;
        }

        private void schedule(long due) {
            long delay = Math.max(due - System.nanoTime(), granularityNanos);
            try {
                run = loop.schedule(this::sweep, delay, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                // the event loop is closing its connections anyway
            }
        }

        /**
         * Tells every due connection; a connection whose handler does not close it starts a new
         * idle period, as with {@code IdleStateHandler}.
         */
        private void sweep() {
            run = null;
            sweeping = true;
            try {
                long now = System.nanoTime();
                while (first != null && now - first.lastActivity >= timeoutNanos) {
                    Tracked due = first;
                    due.lastActivity = now;
                    moveToEnd(due);
                    due.ctx.fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
                }
            } finally {
                sweeping = false;
            }
            if (first != null) {
                schedule(first.lastActivity + timeoutNanos);
            }
        }
    }
}
