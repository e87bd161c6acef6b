package io.tillgate.journal.internal;

import io.tillgate.journal.JournalException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few read-only connections, separate from the writer's, so lookups run beside the writer (SQLite
 * WAL and PostgreSQL both let readers proceed during a write) and never see uncommitted data.
 * Connections open on first use and are replaced when the server drops them.
 */
public final class ReadPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadPool.class);

    /** How long a read waits for a free connection before giving up. */
    private static final long ACQUIRE_TIMEOUT_SECONDS = 30;
    private static final int VALIDITY_TIMEOUT_SECONDS = 2;

    private final ConnectionFactory connections;
    private final int size;
    private final Semaphore permits;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    public ReadPool(ConnectionFactory connections, int size) {
        this.connections = connections;
        this.size = size;
        this.permits = new Semaphore(size, true);
    }

    /** A query on one of the pool's connections. */
    @FunctionalInterface
    public interface Query<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code query} on a pooled connection. If that connection turns out to be dead (the server
     * restarted), every idle connection is dropped and the query runs once more on a new one: reads
     * change nothing, so repeating one is safe.
     *
     * @param what what is being read, for the exception message
     */
    public <T> T read(String what, Query<T> query) {
        acquire(what);
        try {
            Connection pooled = idle.pollFirst();
            if (pooled != null) {
                try {
                    return runAndKeep(pooled, query);
                } catch (SQLException e) {
                    boolean dead = !isValid(pooled);
                    ConnectionFactory.closeQuietly(pooled);
                    if (!dead) {
                        throw e;
                    }
                    LOG.info("journal read connection lost ({}); reconnecting", e.getMessage());
                    closeIdle();
                } catch (RuntimeException e) {
                    ConnectionFactory.closeQuietly(pooled);
                    throw e;
                }
            }
            Connection fresh = connections.openReader();
            try {
                return runAndKeep(fresh, query);
            } catch (SQLException | RuntimeException e) {
                ConnectionFactory.closeQuietly(fresh);
                throw e;
            }
        } catch (SQLException e) {
            throw new JournalException(what + " failed: " + e.getMessage(), e);
        } finally {
            permits.release();
        }
    }

    /** Waits for reads in progress to finish, then closes every connection. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            if (!permits.tryAcquire(size, ACQUIRE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("journal reads still running after {} s; closing the idle connections", ACQUIRE_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeIdle();
    }

    private <T> T runAndKeep(Connection connection, Query<T> query) throws SQLException {
        T result = query.run(connection);
        idle.addFirst(connection);
        return result;
    }

    private void closeIdle() {
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            ConnectionFactory.closeQuietly(connection);
        }
    }

    private static boolean isValid(Connection connection) {
        try {
            return connection.isValid(VALIDITY_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private void acquire(String what) {
        if (closed.get()) {
            throw new IllegalStateException("the journal is closed: " + what + " not possible");
        }
        try {
            if (!permits.tryAcquire(ACQUIRE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new JournalException(what + ": no journal read connection free within "
                        + ACQUIRE_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException(what + " interrupted", e);
        }
    }
}
