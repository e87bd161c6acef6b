package io.tillgate.journal.internal;

import io.tillgate.journal.JournalException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The cluster's tables on PostgreSQL: the nodes' heartbeats and the terminals' leases. Every time is
 * the database server's clock, so nodes whose own clocks disagree still agree on who is alive and
 * whose lease has run out. One connection, auto-commit; used by one thread at a time.
 */
public final class LeaseTable implements AutoCloseable {

    private static final String NOW = WriteStatements.DATABASE_NOW;
    private static final long NANOS_PER_MICRO = 1_000;

    private static final String JOIN = "INSERT INTO cluster_nodes (node_id, address, started_at, heartbeat_at)"
            + " VALUES (?, ?, " + NOW + ", " + NOW + ") ON CONFLICT (node_id) DO UPDATE SET address = EXCLUDED.address,"
            + " started_at = EXCLUDED.started_at, heartbeat_at = EXCLUDED.heartbeat_at";
    private static final String FRESH = "SELECT heartbeat_at > " + NOW + " - ? FROM cluster_nodes WHERE node_id = ?";
    private static final String HEARTBEAT = "UPDATE cluster_nodes SET heartbeat_at = " + NOW + " WHERE node_id = ?";
    private static final String NODES = "SELECT node_id, address, started_at, heartbeat_at, " + NOW
            + " - heartbeat_at FROM cluster_nodes ORDER BY node_id";
    private static final String LEASES = "SELECT terminal_id, holder, epoch, expires_at - " + NOW
            + " FROM terminal_leases ORDER BY terminal_id";
    /**
     * Takes a terminal whose lease has run out, or that an earlier run of this node held; the epoch
     * grows, so whatever that holder still writes is refused.
     */
    private static final String ACQUIRE = "INSERT INTO terminal_leases (terminal_id, holder, epoch, expires_at)"
            + " VALUES (?, ?, 1, " + NOW + " + ?) ON CONFLICT (terminal_id) DO UPDATE SET holder = EXCLUDED.holder,"
            + " epoch = terminal_leases.epoch + 1, expires_at = EXCLUDED.expires_at"
            + " WHERE terminal_leases.expires_at <= " + NOW + " OR terminal_leases.holder = EXCLUDED.holder"
            + " RETURNING epoch";
    private static final String RENEW = "UPDATE terminal_leases SET expires_at = " + NOW + " + ?"
            + " WHERE terminal_id = ? AND holder = ? AND epoch = ?";
    private static final String RELEASE = "UPDATE terminal_leases SET expires_at = " + NOW
            + " WHERE terminal_id = ? AND holder = ? AND epoch = ?";
    private static final String LEAVE = "DELETE FROM cluster_nodes WHERE node_id = ?";

    /** A node as its row stands, with its heartbeat's age by the database's clock. */
    public record NodeRow(String nodeId, String address, long startedAtMicros, long heartbeatAtMicros,
            Duration heartbeatAge) {
    }

    /** A lease as it stands; {@code remaining} is negative once it has run out. */
    public record LeaseRow(String terminalId, String holder, long epoch, Duration remaining) {

        public boolean live() {
            return !remaining.isNegative() && !remaining.isZero();
        }
    }

    private final ConnectionFactory connections;
    private Connection connection;

    public LeaseTable(ConnectionFactory connections) {
        if (connections.dialect() != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("a cluster needs a PostgreSQL journal, not "
                    + connections.settings().redactedUrl());
        }
        this.connections = connections;
    }

    /**
     * Records the node as started now; true if its row already had a heartbeat fresher than
     * {@code leaseTime}: an earlier run that has just stopped, or another process with the same id.
     */
    public boolean join(String nodeId, String address, Duration leaseTime) {
        return run("registering node " + nodeId, c -> {
            boolean fresh;
            try (PreparedStatement statement = c.prepareStatement(FRESH)) {
                statement.setLong(1, micros(leaseTime));
                statement.setString(2, nodeId);
                try (ResultSet row = statement.executeQuery()) {
                    fresh = row.next() && row.getBoolean(1);
                }
            }
            try (PreparedStatement statement = c.prepareStatement(JOIN)) {
                statement.setString(1, nodeId);
                statement.setString(2, address);
                statement.executeUpdate();
            }
            return fresh;
        });
    }

    public void heartbeat(String nodeId) {
        run("heartbeat of node " + nodeId, c -> {
            try (PreparedStatement statement = c.prepareStatement(HEARTBEAT)) {
                statement.setString(1, nodeId);
                return statement.executeUpdate();
            }
        });
    }

    /** Removes the node's row at a graceful stop, so the others stop counting it at once. */
    public void leave(String nodeId) {
        run("removing node " + nodeId, c -> {
            try (PreparedStatement statement = c.prepareStatement(LEAVE)) {
                statement.setString(1, nodeId);
                return statement.executeUpdate();
            }
        });
    }

    public List<NodeRow> nodes() {
        return run("reading the cluster's nodes", c -> {
            try (PreparedStatement statement = c.prepareStatement(NODES); ResultSet rows = statement.executeQuery()) {
                List<NodeRow> nodes = new ArrayList<>();
                while (rows.next()) {
                    nodes.add(new NodeRow(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4),
                            Duration.ofNanos(rows.getLong(5) * NANOS_PER_MICRO)));
                }
                return nodes;
            }
        });
    }

    public List<LeaseRow> leases() {
        return run("reading the terminal leases", c -> {
            try (PreparedStatement statement = c.prepareStatement(LEASES); ResultSet rows = statement.executeQuery()) {
                List<LeaseRow> leases = new ArrayList<>();
                while (rows.next()) {
                    leases.add(new LeaseRow(rows.getString(1), rows.getString(2), rows.getLong(3),
                            Duration.ofNanos(rows.getLong(4) * NANOS_PER_MICRO)));
                }
                return leases;
            }
        });
    }

    /** Takes the terminal if its lease has run out or was this node's; its new epoch, or empty if another holds it. */
    public OptionalLong acquire(String terminalId, String nodeId, Duration leaseTime) {
        return run("taking the lease of terminal " + terminalId, c -> {
            try (PreparedStatement statement = c.prepareStatement(ACQUIRE)) {
                statement.setString(1, terminalId);
                statement.setString(2, nodeId);
                statement.setLong(3, micros(leaseTime));
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    /** Extends the lease; false if it has passed to another holder or epoch. */
    public boolean renew(String terminalId, String nodeId, long epoch, Duration leaseTime) {
        return run("renewing the lease of terminal " + terminalId, c -> {
            try (PreparedStatement statement = c.prepareStatement(RENEW)) {
                statement.setLong(1, micros(leaseTime));
                statement.setString(2, terminalId);
                statement.setString(3, nodeId);
                statement.setLong(4, epoch);
                return statement.executeUpdate() == 1;
            }
        });
    }

    /** Lets the lease run out now, so the node the terminal belongs to can take it; false if it was not held. */
    public boolean release(String terminalId, String nodeId, long epoch) {
        return run("releasing the lease of terminal " + terminalId, c -> {
            try (PreparedStatement statement = c.prepareStatement(RELEASE)) {
                statement.setString(1, terminalId);
                statement.setString(2, nodeId);
                statement.setLong(3, epoch);
                return statement.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void close() {
        ConnectionFactory.closeQuietly(connection);
        connection = null;
    }

    private interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Runs one piece of work, reconnecting once if the connection broke (a restarted server). */
    private <T> T run(String what, Work<T> work) {
        SQLException first = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                if (connection == null) {
                    connection = connections.openReader();
                    connection.setReadOnly(false);
                }
                return work.apply(connection);
            } catch (SQLException e) {
                first = first == null ? e : first;
                close();
            }
        }
        throw new JournalException(what + " failed on " + connections.settings().redactedUrl() + ": "
                + first.getMessage(), first);
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / NANOS_PER_MICRO;
    }
}
