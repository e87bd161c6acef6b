package io.tillgate.journal.internal;

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
    private static final String FIRST_EVENT =
            "INSERT INTO transaction_events (transaction_id, seq, state, at, note) VALUES (?, 1, ?, ?, ?)";
    private static final String NEXT_EVENT = "INSERT INTO transaction_events (transaction_id, seq, state, at, note,"
            + " actor) SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ? FROM transaction_events"
            + " WHERE transaction_id = ?";
    private static final String STATE = "SELECT state FROM transactions WHERE id = ?";

    /** For each new state, the stored states it may replace: those that can move to it, and itself if not final. */
    private static final Map<TransactionState, List<String>> PREVIOUS = previousStates();

    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement firstEvent;
    private final PreparedStatement nextEvent;
    private final PreparedStatement state;

    WriteStatements(Connection connection) throws SQLException {
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

    /** Inserts the row and its first event; false if a row with that id exists. */
    boolean insert(TransactionRecord record, ColumnValues identity, ColumnValues progress) throws SQLException {
        progress.bind(insert, identity.bind(insert, 1));
        if (insert.executeUpdate() == 0) {
            return false;
        }
        firstEvent.setString(1, record.id());
        firstEvent.setString(2, record.state().name());
        firstEvent.setLong(3, EpochMicros.of(record.updatedAt()));
        firstEvent.setNull(4, Types.VARCHAR);
        firstEvent.executeUpdate();
        return true;
    }

    /**
     * Records the new state, outcome and flags and appends an event, if the stored state allows it
     * (see {@link io.tillgate.core.transaction.TransactionStore#update}); false if it does not, or if
     * there is no such row. What the transaction is (merchant, amount, references…) was fixed by its
     * insert and is not rewritten.
     */
    boolean update(TransactionRecord record, ColumnValues progress, String note, String actor) throws SQLException {
        int i = progress.bind(update, 1);
        update.setString(i++, record.id());
        for (String previous : PREVIOUS.get(record.state())) {
            update.setString(i++, previous);
        }
        boolean capture = record.state().isFinal() && record.captured();
        update.setString(i, capture ? record.state().name() : NO_STATE);
        if (update.executeUpdate() == 0) {
            return false;
        }
        nextEvent.setString(1, record.id());
        nextEvent.setString(2, record.state().name());
        nextEvent.setLong(3, EpochMicros.of(record.updatedAt()));
        setText(nextEvent, 4, note);
        setText(nextEvent, 5, actor);
        nextEvent.setString(6, record.id());
        nextEvent.executeUpdate();
        return true;
    }

    /** The stored state, to explain a refused update. */
    Optional<TransactionState> state(String id) throws SQLException {
        state.setString(1, id);
        try (ResultSet row = state.executeQuery()) {
            return row.next() ? Optional.of(TransactionState.valueOf(row.getString(1))) : Optional.empty();
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : List.of(insert, update, firstEvent, nextEvent, state)) {
            statement.close();
        }
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
