package io.tillgate.journal.internal;

import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.journal.CommitObserver;
import io.tillgate.journal.Fence;
import io.tillgate.journal.JournalException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's only writer: one thread, one connection, group commit.
 *
 * <p>Callers enqueue commands and get a future at once. The thread takes everything queued (up to
 * the batch limit), runs it in one database transaction and commits once, so the whole batch
 * shares one fsync; while it commits, the next batch queues up. Only then are the futures
 * completed, so a completed future means durable, and a read started afterwards sees the write.
 *
 * <p>Within a batch, a transaction's consecutive updates are written as one row update with an
 * event each, and all events go to the database together before the commit ({@link BatchPlan}).
 *
 * <p>Futures are completed on a separate completion thread, in commit order: the callers'
 * continuations (contacting a terminal, telling a POS) then never delay the next commit. Such a
 * continuation may enqueue further writes but must not wait for one, or it waits for itself.
 */
public final class JournalWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);
    private static final int VALIDITY_TIMEOUT_SECONDS = 2;
    private static final long COMPLETION_DRAIN_SECONDS = 30;

    private final ConnectionFactory connections;
    private final int batchLimit;
    private final CommitObserver observer;
    /** Queued writes; an empty slot, always the last one, asks the thread to stop. */
    private final BlockingQueue<Optional<WriteCommand>> queue = new LinkedBlockingQueue<>();
    private final ExecutorService completions = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tillgate-journal-completion");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong commits = new AtomicLong();
    private final Object admission = new Object();
    private final Thread thread;
    private boolean accepting = true;

    /** Owned by the writer thread once started. */
    private Connection connection;
    private WriteStatements statements;

    /**
     * Connects at once, so a journal that cannot write fails to open rather than on its first write.
     *
     * @param batchLimit the most writes one commit covers; 1 gives one commit per write
     * @param observer told of every successful commit, on the writer thread
     */
    public JournalWriter(ConnectionFactory connections, int batchLimit, CommitObserver observer) throws SQLException {
        if (batchLimit < 1) {
            throw new IllegalArgumentException("batch limit must be at least 1, not " + batchLimit);
        }
        this.connections = connections;
        this.batchLimit = batchLimit;
        this.observer = Objects.requireNonNull(observer, "observer");
        connect();
        this.thread = new Thread(this::run, "tillgate-journal-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a new transaction; the future completes once it is durable.
     *
     * @param fence a cluster node's lease of the terminal, or {@code null} outside a cluster
     */
    public CompletableFuture<Void> insert(TransactionRecord record, Fence fence) {
        return submit(WriteCommand.insert(record, fence));
    }

    /**
     * Queues a state change; the future completes once it is durable, or fails if it is refused.
     *
     * @param fence the lease the transaction was recorded under, or {@code null} outside a cluster
     *     and for an operator's resolution
     */
    public CompletableFuture<Void> update(TransactionRecord record, String note, String actor, Fence fence) {
        return submit(WriteCommand.update(record, note, actor, fence));
    }

    private CompletableFuture<Void> submit(WriteCommand command) {
        synchronized (admission) {
            if (!accepting) {
                return CompletableFuture.failedFuture(new IllegalStateException("the journal is closed: transaction "
                        + command.record().id() + " " + command.record().state() + " not recorded"));
            }
            queue.add(Optional.of(command));
        }
        return command.future();
    }

    /** Successful commits so far: with group commit, far fewer than writes. */
    public long commits() {
        return commits.get();
    }

    /** Writes everything already queued, completes its futures, then releases the connection. */
    @Override
    public void close() {
        synchronized (admission) {
            if (!accepting) {
                return;
            }
            accepting = false;
            queue.add(Optional.empty());
        }
        joinUninterruptibly(thread);
        completions.shutdown();
        try {
            if (!completions.awaitTermination(COMPLETION_DRAIN_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("journal completions still running after {} s; closing anyway", COMPLETION_DRAIN_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        disconnect();
    }

    private void run() {
        List<Optional<WriteCommand>> drained = new ArrayList<>(batchLimit);
        boolean running = true;
        while (running) {
            drained.clear();
            drained.add(takeUninterruptibly());
            queue.drainTo(drained, batchLimit - 1);
            List<WriteCommand> batch = new ArrayList<>(drained.size());
            for (Optional<WriteCommand> slot : drained) {
                if (slot.isPresent()) {
                    batch.add(slot.get());
                } else {
                    running = false;
                }
            }
            if (!batch.isEmpty()) {
                write(batch);
            }
        }
    }

    private void write(List<WriteCommand> batch) {
        write(batch, false);
    }

    /**
     * Runs and commits one batch. Nothing is committed before {@code commit()}, so a batch whose
     * statements failed can safely run again: on a new connection if the old one died (a restarted
     * PostgreSQL), or one write at a time to find the one the database rejects. A failed commit is
     * not retried, since whether it reached the disk is unknown: the batch's futures fail.
     */
    private void write(List<WriteCommand> batch, boolean reconnected) {
        long started = System.nanoTime();
        RuntimeException[] refusals = new RuntimeException[batch.size()];
        try {
            WriteStatements open = statements();
            for (BatchPlan.Step step : BatchPlan.of(batch)) {
                step.apply(open, refusals);
            }
            open.flushEvents();
        } catch (SQLException | RuntimeException e) {
            discardEvents();
            rollback();
            if (!connectionUsable()) {
                disconnect();
                if (!reconnected) {
                    LOG.warn("journal connection lost ({}); reconnecting", e.getMessage());
                    write(batch, true);
                    return;
                }
                fail(batch, "not written", e);
            } else if (batch.size() > 1) {
                LOG.warn("a batch of {} journal writes failed ({}); writing them one by one", batch.size(),
                        e.getMessage());
                batch.forEach(command -> write(List.of(command), reconnected));
            } else {
                fail(batch, "not written", e);
            }
            return;
        }
        try {
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollback();
            fail(batch, "not committed", e);
            return;
        }
        commits.incrementAndGet();
        // Before the futures complete, so whoever sees a write done also sees its commit counted.
        observe(batch.size(), System.nanoTime() - started);
        completions.execute(() -> {
            for (int i = 0; i < batch.size(); i++) {
                RuntimeException refusal = refusals[i];
                if (refusal == null) {
                    batch.get(i).future().complete(null);
                } else {
                    batch.get(i).future().completeExceptionally(refusal);
                }
            }
        });
    }

    private void observe(int writes, long nanos) {
        try {
            observer.committed(writes, nanos);
        } catch (RuntimeException e) {
            // The batch is durable: a broken observer must not fail it, nor stop the writer thread.
            LOG.warn("journal commit observer {} failed", observer, e);
        }
    }

    private void fail(List<WriteCommand> batch, String what, Exception cause) {
        LOG.error("journal: a batch of {} writes {}: {}", batch.size(), what, cause.getMessage(), cause);
        if (!connectionUsable()) {
            disconnect();
        }
        completions.execute(() -> batch.forEach(command -> command.future().completeExceptionally(
                new JournalException("transaction " + command.record().id() + " " + command.record().state() + " "
                        + what + " (in a batch of " + batch.size() + "): " + cause.getMessage(), cause))));
    }

    private WriteStatements statements() throws SQLException {
        if (statements == null) {
            connect();
        }
        return statements;
    }

    private void connect() throws SQLException {
        Connection opened = connections.openWriter();
        try {
            statements = new WriteStatements(opened, connections.dialect() == Dialect.POSTGRESQL);
        } catch (SQLException e) {
            ConnectionFactory.closeQuietly(opened);
            throw e;
        }
        connection = opened;
    }

    private void disconnect() {
        if (statements != null) {
            try {
                statements.close();
            } catch (SQLException e) {
                LOG.debug("journal statements did not close cleanly: {}", e.getMessage());
            }
            statements = null;
        }
        ConnectionFactory.closeQuietly(connection);
        connection = null;
    }

    private boolean connectionUsable() {
        try {
            return connection != null && connection.isValid(VALIDITY_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private void discardEvents() {
        if (statements == null) {
            return;
        }
        try {
            statements.discardEvents();
        } catch (SQLException e) {
            LOG.warn("journal events of a failed batch not discarded ({}); reconnecting for the next batch",
                    e.getMessage());
            disconnect();
        }
    }

    private void rollback() {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("journal rollback failed ({}); reconnecting for the next batch", e.getMessage());
            disconnect();
        }
    }

    private Optional<WriteCommand> takeUninterruptibly() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                LOG.debug("journal writer interrupted while idle; it stops only when the journal closes");
            }
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
