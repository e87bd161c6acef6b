package io.tillgate.journal.internal;

import io.tillgate.journal.JournalException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
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
 *
 * <p>Each connection keeps the statements it prepared: the gateway runs the same few lookups for
 * every payment, and SQLite compiles a statement anew on every {@code prepareStatement}, which cost
 * more than running the lookup.
 */
public final class ReadPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadPool.class);

    /** How long a read waits for a free connection before giving up. */
    private static final long ACQUIRE_TIMEOUT_SECONDS = 30;
    private static final int VALIDITY_TIMEOUT_SECONDS = 2;

    private final ConnectionFactory connections;
    private final int size;
    private final Semaphore permits;
    /** Statements each connection keeps; a search builds its SQL from its criteria, so this bounds them. */
    static final int STATEMENTS_PER_CONNECTION = 32;

    private final Deque<ReadConnection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    public ReadPool(ConnectionFactory connections, int size) {
        this.connections = connections;
        this.size = size;
        this.permits = new Semaphore(size, true);
    }

    /** A query on one of the pool's connections. */
    @FunctionalInterface
    public interface Query<T> {
        T run(ReadConnection connection) throws SQLException;
    }

    /** A pooled connection and the statements it has prepared, used by one read at a time. */
    public static final class ReadConnection {
        private final Connection connection;
        private final Map<String, PreparedStatement> prepared = new LinkedHashMap<>(16, 0.75f, true);

        ReadConnection(Connection connection) {
            this.connection = connection;
        }

        /**
         * The statement for {@code sql}, prepared on first use and kept; its parameters are cleared.
         * Close its result sets, never the statement itself.
         */
        public PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement statement = prepared.get(sql);
            if (statement != null) {
                statement.clearParameters();
                return statement;
            }
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
            if (prepared.size() > STATEMENTS_PER_CONNECTION) {
                Iterator<PreparedStatement> eldest = prepared.values().iterator();
                PreparedStatement dropped = eldest.next();
                eldest.remove();
                dropped.close();
            }
            return statement;
        }

        boolean isValid() {
            try {
                return connection.isValid(VALIDITY_TIMEOUT_SECONDS);
            } catch (SQLException e) {
                return false;
            }
        }

        void close() {
            for (PreparedStatement statement : prepared.values()) {
                try {
                    statement.close();
                } catch (SQLException e) {
                    LOG.debug("journal read statement did not close cleanly: {}", e.getMessage());
                }
            }
            prepared.clear();
            ConnectionFactory.closeQuietly(connection);
        }
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
            ReadConnection pooled = idle.pollFirst();
            if (pooled != null) {
                try {
                    return runAndKeep(pooled, query);
                } catch (SQLException e) {
                    boolean dead = !pooled.isValid();
                    pooled.close();
                    if (!dead) {
                        throw e;
                    }
                    LOG.info("journal read connection lost ({}); reconnecting", e.getMessage());
                    closeIdle();
                } catch (RuntimeException e) {
                    pooled.close();
                    throw e;
                }
            }
            ReadConnection fresh = new ReadConnection(connections.openReader());
            try {
                return runAndKeep(fresh, query);
            } catch (SQLException | RuntimeException e) {
                fresh.close();
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

    private <T> T runAndKeep(ReadConnection connection, Query<T> query) throws SQLException {
        T result = query.run(connection);
        idle.addFirst(connection);
        return result;
    }

    private void closeIdle() {
        ReadConnection connection;
        while ((connection = idle.pollFirst()) != null) {
            connection.close();
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
