package io.tillgate.core.health;

import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A clock and a timer that move only when a test turns them: {@link #advance} runs every task that
 * falls due, in order, on the test's thread, with the clock set to each task's time.
 */
final class ManualTime extends Clock implements Timer {

    private final List<Scheduled> pending = new ArrayList<>();
    private Instant now = Instant.parse("2025-01-02T10:00:00Z");
    private boolean stopped;

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the monitor reads instants only");
    }

    /** Moves time forward by {@code step}, running what falls due on the way. */
    synchronized void advance(Duration step) {
        Instant until = now.plus(step);
        while (true) {
            Scheduled next = pending.stream().filter(s -> !s.due.isAfter(until))
                    .min(Comparator.comparing((Scheduled s) -> s.due).thenComparing(s -> s.order)).orElse(null);
            if (next == null) {
                break;
            }
            pending.remove(next);
            if (next.due.isAfter(now)) {
                now = next.due;
            }
            next.run();
        }
        now = until;
    }

    /** Tasks scheduled and neither run nor cancelled. */
    synchronized int pendingTasks() {
        return (int) pending.stream().filter(s -> !s.cancelled).count();
    }

    synchronized boolean stopped() {
        return stopped;
    }

    @Override
    public synchronized Timeout newTimeout(TimerTask task, long delay, TimeUnit unit) {
        if (stopped) {
            throw new IllegalStateException("cannot be started once stopped");
        }
        Scheduled scheduled = new Scheduled(task, now.plusNanos(unit.toNanos(delay)), pending.size());
        pending.add(scheduled);
        return scheduled;
    }

    @Override
    public synchronized Set<Timeout> stop() {
        stopped = true;
        Set<Timeout> unprocessed = new HashSet<>(pending);
        pending.clear();
        return unprocessed;
    }

    private final class Scheduled implements Timeout {
        final TimerTask task;
        final Instant due;
        final long order;
        boolean cancelled;
        boolean expired;

        Scheduled(TimerTask task, Instant due, long order) {
            this.task = task;
            this.due = due;
            this.order = order;
        }

        void run() {
            if (cancelled) {
                return;
            }
            expired = true;
            try {
                task.run(this);
            } catch (Exception e) {
                throw new AssertionError("timer task failed", e);
            }
        }

        @Override
        public Timer timer() {
            return ManualTime.this;
        }

        @Override
        public TimerTask task() {
            return task;
        }

        @Override
        public boolean isExpired() {
            synchronized (ManualTime.this) {
                return expired;
            }
        }

        @Override
        public boolean isCancelled() {
            synchronized (ManualTime.this) {
                return cancelled;
            }
        }

        @Override
        public boolean cancel() {
            synchronized (ManualTime.this) {
                if (expired || cancelled) {
                    return false;
                }
                cancelled = true;
                pending.remove(this);
                return true;
            }
        }
    }
}
