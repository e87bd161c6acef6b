package io.tillgate.journal.internal;

import io.tillgate.core.transaction.ClaimConflictException;
import io.tillgate.core.transaction.FencedWriteException;
import io.tillgate.core.transaction.IllegalTransitionException;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import io.tillgate.journal.Fence;

/**
 * The writer's prepared statements, bound to its one connection. The forward-only rule is part of
 * the {@code UPDATE}'s {@code WHERE}: a row moves only from a state that may move to the new one,
 * so the rule holds even if another gateway node shares a PostgreSQL journal.
 */
final class WriteStatements implements AutoCloseable {

    /** A state name that matches no row, to pad the fixed-size list of allowed previous states. */
    private static final String NO_STATE = "-";
    private static final int MAX_PREVIOUS = (int) Arrays.stream(TransactionState.values())
            .filter(s -> !s.isFinal()).count();

    private static final String INSERT = "INSERT INTO transactions (" + TransactionRows.SELECT_LIST + ") VALUES ("
            + String.join(", ", Collections.nCopies(
                    TransactionRows.IDENTITY_COLUMNS.size() + TransactionRows.PROGRESS_COLUMNS.size(), "?"))
            + ") ON CONFLICT (id) DO NOTHING";
    /** Sets only what progress changes, so the indexes on a transaction's identity are left alone. */
    private static final String UPDATE = "UPDATE transactions SET "
            + String.join(" = ?, ", TransactionRows.PROGRESS_COLUMNS) + " = ? WHERE id = ? AND (state IN ("
            + String.join(", ", Collections.nCopies(MAX_PREVIOUS, "?"))
            + ") OR (state = ? AND captured = FALSE))";
    /** A cluster node's events carry its id and lease epoch; a single gateway's and an operator's leave them NULL. */
    private static final String FIRST_EVENT = "INSERT INTO transaction_events (transaction_id, seq, state, at, note,"
            + " node_id, epoch) VALUES (?, 1, ?, ?, ?, ?, ?)";
    private static final String NEXT_EVENT = "INSERT INTO transaction_events (transaction_id, seq, state, at, note,"
            + " actor, node_id, epoch) SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ?, ?, ?"
            + " FROM transaction_events WHERE transaction_id = ?";
    private static final String STATE = "SELECT state FROM transactions WHERE id = ?";

    /** The database server's clock in epoch microseconds: what lease expiries are measured in. */
    static final String DATABASE_NOW = "(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::BIGINT";
    /**
     * Locks the terminal's lease row until the commit if it still names the writer and its epoch
     * (and, for a new transaction, has not expired): a node taking the terminal over waits for the
     * write, and a write after a take-over finds no such row.
     */
    private static final String LEASE_HELD = "EXISTS (SELECT 1 FROM terminal_leases l WHERE l.terminal_id = %s"
            + " AND l.holder = ? AND l.epoch = ?%s FOR SHARE)";
    private static final String FENCED_INSERT = "INSERT INTO transactions (" + TransactionRows.SELECT_LIST
            + ") SELECT " + String.join(", ", Collections.nCopies(
                    TransactionRows.IDENTITY_COLUMNS.size() + TransactionRows.PROGRESS_COLUMNS.size(), "?"))
            + " WHERE " + String.format(LEASE_HELD, "?", " AND l.expires_at > " + DATABASE_NOW)
            + " ON CONFLICT (id) DO NOTHING";
    private static final String FENCED_UPDATE = UPDATE + " AND "
            + String.format(LEASE_HELD, "transactions.terminal_id", "");
    /**
     * Takes a claim, or takes it over from a transaction that has meanwhile reached a final state;
     * leaves it, changing no row, while its transaction runs or has an unknown outcome.
     */
    private static final String CLAIM = "INSERT INTO transaction_claims (merchant_id, claim, transaction_id)"
            + " VALUES (?, ?, ?) ON CONFLICT (merchant_id, claim) DO UPDATE SET transaction_id ="
            + " EXCLUDED.transaction_id WHERE EXISTS (SELECT 1 FROM transactions t WHERE t.id ="
            + " transaction_claims.transaction_id AND t.state IN (" + finalStates() + "))";
    private static final String CLAIM_HOLDER =
            "SELECT transaction_id FROM transaction_claims WHERE merchant_id = ? AND claim = ?";
    private static final String RELEASE_CLAIMS = "DELETE FROM transaction_claims WHERE transaction_id = ?";
    private static final String LEASE = "SELECT holder, epoch, expires_at > " + DATABASE_NOW
            + " FROM terminal_leases WHERE terminal_id = ?";

    /** For each new state, the stored states it may replace: those that can move to it, and itself if not final. */
    private static final Map<TransactionState, List<String>> PREVIOUS = previousStates();

    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement firstEvent;
    private final PreparedStatement nextEvent;
    private final PreparedStatement state;
    /** Events queued with {@link #flushEvents}: first events before next ones, each in the order added. */
    private int firstEvents;
    private int nextEvents;
    private final Connection connection;
    /** Whether claims may exist (PostgreSQL): then any final state, an operator's too, releases them. */
    private final boolean claims;
    /** Prepared on the first fenced write: only a cluster node on PostgreSQL makes them. */
    private Fenced fenced;

    WriteStatements(Connection connection, boolean claims) throws SQLException {
        this.connection = connection;
        this.claims = claims;
        List<PreparedStatement> prepared = new ArrayList<>();
        try {
            for (String sql : List.of(INSERT, UPDATE, FIRST_EVENT, NEXT_EVENT, STATE)) {
                prepared.add(connection.prepareStatement(sql));
            }
        } catch (SQLException e) {
            for (PreparedStatement statement : prepared) {
                statement.close();
            }
            throw e;
        }
        insert = prepared.get(0);
        update = prepared.get(1);
        firstEvent = prepared.get(2);
        nextEvent = prepared.get(3);
        state = prepared.get(4);
    }

    /** Inserts the row and queues its first event; false if a row with that id exists. */
    boolean insert(TransactionRecord record, ColumnValues identity, ColumnValues progress) throws SQLException {
        progress.bind(insert, identity.bind(insert, 1));
        if (insert.executeUpdate() == 0) {
            return false;
        }
        addFirstEvent(record, null);
        return true;
    }

    /**
     * Records the state, outcome and flags of the last of {@code updates} and queues an event for
     * each, if the stored state may move to the first one's (see
     * {@link io.tillgate.core.transaction.TransactionStore#update}); false if it may not, or if there
     * is no such row. The updates are consecutive ones of one transaction, each allowed to follow the
     * one before ({@link BatchPlan}), so they are written as one row update: the state the row skips
     * over is in its events. What the transaction is (merchant, amount, references…) was fixed by its
     * insert and is not rewritten.
     */
    boolean update(List<WriteCommand.Update> updates) throws SQLException {
        TransactionRecord first = updates.get(0).record();
        WriteCommand.Update last = updates.get(updates.size() - 1);
        bindUpdate(update, first, last.progress());
        if (update.executeUpdate() == 0) {
            return false;
        }
        for (WriteCommand.Update written : updates) {
            addNextEvent(written.record(), written.note(), written.actor(), null);
        }
        if (claims && last.record().state().isFinal()) {
            releaseClaims(first.id());
        }
        return true;
    }

    /**
     * Binds an update's new values, its id and the states it may replace, so that the row moves only
     * from a state that may move to {@code from}'s; returns the next free parameter index.
     */
    private static int bindUpdate(PreparedStatement statement, TransactionRecord from, ColumnValues progress)
            throws SQLException {
        int i = progress.bind(statement, 1);
        statement.setString(i++, from.id());
        for (String previous : PREVIOUS.get(from.state())) {
            statement.setString(i++, previous);
        }
        boolean capture = from.state().isFinal() && from.captured();
        statement.setString(i++, capture ? from.state().name() : NO_STATE);
        return i;
    }

    private void addFirstEvent(TransactionRecord record, Fence fence) throws SQLException {
        firstEvent.setString(1, record.id());
        firstEvent.setString(2, record.state().name());
        firstEvent.setLong(3, EpochMicros.of(record.updatedAt()));
        firstEvent.setNull(4, Types.VARCHAR);
        bindFence(firstEvent, 5, fence);
        firstEvent.addBatch();
        firstEvents++;
    }

    private void addNextEvent(TransactionRecord record, String note, String actor, Fence fence) throws SQLException {
        nextEvent.setString(1, record.id());
        nextEvent.setString(2, record.state().name());
        nextEvent.setLong(3, EpochMicros.of(record.updatedAt()));
        setText(nextEvent, 4, note);
        setText(nextEvent, 5, actor);
        bindFence(nextEvent, 6, fence);
        nextEvent.setString(8, record.id());
        nextEvent.addBatch();
        nextEvents++;
    }

    /** The node and epoch columns of an event, typed even when NULL: PostgreSQL will not cast text to BIGINT. */
    private static void bindFence(PreparedStatement statement, int index, Fence fence) throws SQLException {
        if (fence == null) {
            statement.setNull(index, Types.VARCHAR);
            statement.setNull(index + 1, Types.BIGINT);
        } else {
            statement.setString(index, fence.nodeId());
            statement.setLong(index + 1, fence.epoch());
        }
    }

    /**
     * Writes the queued events: all in one round trip per statement on PostgreSQL. First events go
     * before next ones, and each statement keeps the order events were added in, so every
     * transaction's events are numbered in the order of its writes (an insert's updates always
     * follow it).
     */
    void flushEvents() throws SQLException {
        if (firstEvents > 0) {
            firstEvents = 0;
            firstEvent.executeBatch();
        }
        if (nextEvents > 0) {
            nextEvents = 0;
            nextEvent.executeBatch();
        }
    }

    /** Drops the queued events of a batch that is rolled back. */
    void discardEvents() throws SQLException {
        firstEvents = 0;
        nextEvents = 0;
        firstEvent.clearBatch();
        nextEvent.clearBatch();
    }

    /** The stored state, to explain a refused update. */
    Optional<TransactionState> state(String id) throws SQLException {
        state.setString(1, id);
        try (ResultSet row = state.executeQuery()) {
            return row.next() ? Optional.of(TransactionState.valueOf(row.getString(1))) : Optional.empty();
        }
    }

    /**
     * As {@link #insert}, for a cluster node: first takes the transaction's claims (its message
     * identity and POS reference), then inserts the row only while {@code fence} is the terminal's
     * live lease.
     *
     * @return {@code null} when inserted, or why not
     */
    RuntimeException insertFenced(TransactionRecord record, ColumnValues identity, ColumnValues progress,
            Fence fence) throws SQLException {
        Fenced f = fenced();
        for (String claim : claims(record)) {
            bindAll(f.claim, record.merchantId(), claim, record.id());
            if (f.claim.executeUpdate() == 0) {
                bindAll(f.release, record.id());
                f.release.executeUpdate();
                bindAll(f.claimHolder, record.merchantId(), claim);
                String holder;
                try (ResultSet row = f.claimHolder.executeQuery()) {
                    holder = row.next() ? row.getString(1) : "?";
                }
                return new ClaimConflictException(record.id(), claim, holder);
            }
        }
        int i = progress.bind(f.insert, identity.bind(f.insert, 1));
        f.insert.setString(i++, record.terminalId());
        f.insert.setString(i++, fence.nodeId());
        f.insert.setLong(i, fence.epoch());
        if (f.insert.executeUpdate() == 0) {
            bindAll(f.release, record.id());
            f.release.executeUpdate();
            Optional<TransactionState> stored = state(record.id());
            FencedWriteException fencedOut = stored.isPresent() ? null : fencedOut(record, fence, true);
            return fencedOut != null ? fencedOut
                    : new IllegalStateException("transaction " + record.id() + " already recorded");
        }
        addFirstEvent(record, fence);
        return null;
    }

    /**
     * As {@link #update}, for a cluster node: only while {@code fence}, which all of {@code updates}
     * carry, still names the terminal's lease holder and epoch. A final state releases the
     * transaction's claims.
     *
     * @return {@code null} when written, or why not
     */
    RuntimeException updateFenced(List<WriteCommand.Update> updates, Fence fence) throws SQLException {
        Fenced f = fenced();
        TransactionRecord record = updates.get(0).record();
        WriteCommand.Update last = updates.get(updates.size() - 1);
        int i = bindUpdate(f.update, record, last.progress());
        f.update.setString(i++, fence.nodeId());
        f.update.setLong(i, fence.epoch());
        if (f.update.executeUpdate() == 0) {
            Optional<TransactionState> stored = state(record.id());
            if (stored.isEmpty()) {
                return new IllegalStateException("transaction " + record.id() + " was never recorded");
            }
            FencedWriteException fencedOut = fencedOut(record, fence, false);
            return fencedOut != null ? fencedOut : new IllegalTransitionException(record.id(), stored.get(),
                    record.state());
        }
        for (WriteCommand.Update written : updates) {
            addNextEvent(written.record(), written.note(), written.actor(), fence);
        }
        if (last.record().state().isFinal()) {
            releaseClaims(record.id());
        }
        return null;
    }

    /** Lets the transaction's message identity and reference start new transactions again. */
    void releaseClaims(String transactionId) throws SQLException {
        Fenced f = fenced();
        bindAll(f.release, transactionId);
        f.release.executeUpdate();
    }

    /**
     * Explains a fenced write that changed nothing by the lease as it stands now; {@code null} when
     * the lease is as the fence says, so something else refused the write.
     */
    private FencedWriteException fencedOut(TransactionRecord record, Fence fence, boolean isNew) throws SQLException {
        Fenced f = fenced();
        bindAll(f.lease, record.terminalId());
        try (ResultSet row = f.lease.executeQuery()) {
            String why;
            if (!row.next()) {
                why = "node " + fence.nodeId() + " holds no lease of the terminal";
            } else if (!row.getString(1).equals(fence.nodeId()) || row.getLong(2) != fence.epoch()) {
                why = "the terminal's lease passed from node " + fence.nodeId() + " (epoch " + fence.epoch()
                        + ") to node " + row.getString(1) + " (epoch " + row.getLong(2) + ")";
            } else if (isNew && !row.getBoolean(3)) {
                why = "the lease of node " + fence.nodeId() + " (epoch " + fence.epoch() + ") has expired";
            } else {
                return null;
            }
            return new FencedWriteException(record.id(), record.terminalId(), why);
        }
    }

    /**
     * What makes another request the same as this one on any node: its message identity, and its
     * POS reference for a transaction of the same kind (the in-memory rules in
     * {@code IdempotencyKeys} decide joins and repeats; these claims stop two nodes racing).
     */
    private static List<String> claims(TransactionRecord record) {
        List<String> claims = new ArrayList<>(2);
        if (record.requestReference() != null) {
            claims.add("request " + record.protocol() + " " + record.requestReference());
        }
        if (record.reference() != null) {
            claims.add("reference " + record.kind() + " " + record.reference());
        }
        return claims;
    }

    private Fenced fenced() throws SQLException {
        if (fenced == null) {
            fenced = new Fenced(connection);
        }
        return fenced;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : List.of(insert, update, firstEvent, nextEvent, state)) {
            statement.close();
        }
        if (fenced != null) {
            fenced.close();
        }
    }

    /** The statements only cluster nodes use, on PostgreSQL. */
    private static final class Fenced implements AutoCloseable {
        final PreparedStatement insert;
        final PreparedStatement update;
        final PreparedStatement claim;
        final PreparedStatement claimHolder;
        final PreparedStatement release;
        final PreparedStatement lease;
        private final List<PreparedStatement> all = new ArrayList<>();

        Fenced(Connection connection) throws SQLException {
            try {
                insert = prepare(connection, FENCED_INSERT);
                update = prepare(connection, FENCED_UPDATE);
                claim = prepare(connection, CLAIM);
                claimHolder = prepare(connection, CLAIM_HOLDER);
                release = prepare(connection, RELEASE_CLAIMS);
                lease = prepare(connection, LEASE);
            } catch (SQLException e) {
                close();
                throw e;
            }
        }

        private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            all.add(statement);
            return statement;
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : all) {
                statement.close();
            }
        }
    }

    private static void bindAll(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else if (value instanceof Long number) {
                statement.setLong(i + 1, number);
            } else {
                statement.setString(i + 1, (String) value);
            }
        }
    }

    private static String finalStates() {
        return Arrays.stream(TransactionState.values()).filter(TransactionState::isFinal)
                .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    }

    private static Map<TransactionState, List<String>> previousStates() {
        Map<TransactionState, List<String>> previous = new EnumMap<>(TransactionState.class);
        for (TransactionState next : TransactionState.values()) {
            List<String> from = new ArrayList<>();
            for (TransactionState stored : TransactionState.values()) {
                if (!stored.isFinal() && (stored == next || stored.canMoveTo(next))) {
                    from.add(stored.name());
                }
            }
            while (from.size() < MAX_PREVIOUS) {
                from.add(NO_STATE);
            }
            previous.put(next, List.copyOf(from));
        }
        return previous;
    }

    private static void setText(PreparedStatement statement, int index, String text) throws SQLException {
        if (text == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, text);
        }
    }
}
