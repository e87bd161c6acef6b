package io.tillgate.p3.client;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a {@link PayClient} runs its callbacks — listener methods and the completion of the futures
 * it returns — one at a time and in the order the client produced them, whatever executor runs
 * them: an update is never seen after the outcome it preceded, even on a thread pool. By default a
 * thread of the client's own, so a slow or blocking callback never holds the I/O thread up; on
 * request, inline on the I/O thread.
 */
final class CallbackExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackExecutor.class);
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** {@code null}: run inline, on whatever thread produced the callback (the I/O thread). */
    private final Executor delegate;
    private final ExecutorService owned;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile Thread running;

    private CallbackExecutor(Executor delegate, ExecutorService owned) {
        this.delegate = delegate;
        this.owned = owned;
    }

    /** A daemon thread of the client's own, started with the first callback and stopped by {@link #shutdown()}. */
    static CallbackExecutor ownThread() {
        int client = CLIENTS.incrementAndGet();
        ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "tillgate-payclient-callbacks-" + client);
            t.setDaemon(true);
            return t;
        });
        return new CallbackExecutor(thread, thread);
    }

    /** The caller's executor, which the client never shuts down. */
    static CallbackExecutor on(Executor executor) {
        return new CallbackExecutor(executor, null);
    }

    static CallbackExecutor ioThread() {
        return new CallbackExecutor(null, null);
    }

    boolean onIoThread() {
        return delegate == null;
    }

    /** Whether the current thread is running one of these callbacks (where waiting for another would deadlock). */
    boolean inCallback() {
        return running == Thread.currentThread();
    }

    @Override
    public void execute(Runnable callback) {
        if (delegate == null) {
            runSafely(callback);
            return;
        }
        queue.add(callback);
        schedule();
    }

    /** Lets the callbacks already queued run, then stops the client's own thread; a caller's executor is left alone. */
    void shutdown() {
        if (owned != null) {
            owned.shutdown();
        }
    }

    private void schedule() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            delegate.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The executor is gone — ours after close(), or a caller's pool shut down before the client:
            // run here rather than leave a future that never completes.
            if (owned == null) {
                LOG.warn("the callback executor refused a PayClient callback; running it on the calling thread");
            }
            drain();
        }
    }

    private void drain() {
        running = Thread.currentThread();
        try {
            Runnable callback;
            while ((callback = queue.poll()) != null) {
                runSafely(callback);
            }
        } finally {
            running = null;
            draining.set(false);
        }
        if (!queue.isEmpty()) {
            schedule();
        }
    }

    private static void runSafely(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("a PayClient callback failed", e);
        }
    }
}
