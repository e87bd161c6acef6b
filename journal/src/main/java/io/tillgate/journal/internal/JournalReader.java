package io.tillgate.journal.internal;

import io.tillgate.core.transaction.TransactionEvent;
import io.tillgate.core.transaction.TransactionQuery;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The journal's lookups, each one indexed query on the read pool. Ties in {@code created_at} are
 * broken by id, so every ordering is total and repeatable.
 */
public final class JournalReader {

    private static final String SELECT = "SELECT " + TransactionRows.SELECT_LIST + " FROM transactions WHERE ";
    private static final String NEWEST_FIRST = " ORDER BY created_at DESC, id DESC";
    private static final String NEWEST = NEWEST_FIRST + " LIMIT 1";
    private static final String OLDEST_FIRST = " ORDER BY created_at, id";

    private static final String BY_ID = SELECT + "id = ?";
    private static final String BY_REFERENCE =
            SELECT + "reference = ? AND merchant_id = ? AND created_at >= ?" + NEWEST_FIRST;
    private static final String BY_REFERENCE_ANY_MERCHANT = SELECT + "reference = ?" + NEWEST_FIRST;
    private static final String BY_REQUEST_REFERENCE =
            SELECT + "merchant_id = ? AND protocol = ? AND request_reference = ?" + NEWEST;
    private static final String BY_ORIGINAL = SELECT + "original_transaction_id = ?" + OLDEST_FIRST;
    private static final String NOT_FINAL = Arrays.stream(TransactionState.values())
            .filter(state -> !state.isFinal()).map(state -> "'" + state.name() + "'")
            .collect(Collectors.joining(", "));
    private static final String UNRESOLVED = SELECT + "state IN (" + NOT_FINAL + ")" + OLDEST_FIRST;
    private static final String SINCE = SELECT + "created_at >= ?" + OLDEST_FIRST;
    private static final String HISTORY =
            "SELECT state, at, note, actor, node_id FROM transaction_events WHERE transaction_id = ? ORDER BY seq";

    private final ReadPool pool;

    public JournalReader(ReadPool pool) {
        this.pool = pool;
    }

    public Optional<TransactionRecord> findById(String id) {
        return first("looking up transaction " + id, BY_ID, id);
    }

    public List<TransactionRecord> findByReference(String merchantId, String reference, Instant since) {
        return list("looking up reference " + reference + " of merchant " + merchantId, BY_REFERENCE, reference,
                merchantId, EpochMicros.ceiling(since));
    }

    public List<TransactionRecord> findByReference(String reference) {
        return list("looking up reference " + reference, BY_REFERENCE_ANY_MERCHANT, reference);
    }

    public Optional<TransactionRecord> findByRequestReference(String merchantId, String protocol,
            String requestReference) {
        return first("looking up " + protocol + " request " + requestReference + " of merchant " + merchantId,
                BY_REQUEST_REFERENCE, merchantId, protocol, requestReference);
    }

    public List<TransactionRecord> findByOriginal(String originalTransactionId) {
        return list("looking up transactions referring to " + originalTransactionId, BY_ORIGINAL,
                originalTransactionId);
    }

    public List<TransactionRecord> findUnresolved() {
        return list("listing unresolved transactions", UNRESOLVED);
    }

    public List<TransactionRecord> findSince(Instant since) {
        return list("listing transactions since " + since, SINCE, EpochMicros.ceiling(since));
    }

    /** One statement with a condition per criterion given; the state and created_at indexes serve it. */
    public List<TransactionRecord> search(TransactionQuery query) {
        StringBuilder where = new StringBuilder("1 = 1");
        List<Object> parameters = new ArrayList<>();
        criterion(where, parameters, " AND merchant_id = ?", query.merchantId());
        criterion(where, parameters, " AND terminal_id = ?", query.terminalId());
        criterion(where, parameters, " AND state = ?", query.state() == null ? null : query.state().name());
        criterion(where, parameters, " AND reference = ?", query.reference());
        criterion(where, parameters, " AND created_at >= ?",
                query.from() == null ? null : EpochMicros.ceiling(query.from()));
        criterion(where, parameters, " AND created_at < ?",
                query.to() == null ? null : EpochMicros.ceiling(query.to()));
        if (query.unresolved()) {
            where.append(" AND state IN (").append(NOT_FINAL).append(')');
        }
        return list("searching the journal", SELECT + where + NEWEST_FIRST + " LIMIT " + query.limit(),
                parameters.toArray());
    }

    private static void criterion(StringBuilder where, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            where.append(condition);
            parameters.add(value);
        }
    }

    public List<TransactionEvent> history(String id) {
        return pool.read("reading the history of transaction " + id, connection -> {
            try (ResultSet rows = prepare(connection, HISTORY, id).executeQuery()) {
                List<TransactionEvent> events = new ArrayList<>();
                while (rows.next()) {
                    events.add(new TransactionEvent(id, TransactionState.valueOf(rows.getString("state")),
                            EpochMicros.toInstant(rows.getLong("at")), rows.getString("note"),
                            rows.getString("actor"), rows.getString("node_id")));
                }
                return events;
            }
        });
    }

    private Optional<TransactionRecord> first(String what, String sql, Object... parameters) {
        List<TransactionRecord> found = list(what, sql, parameters);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<TransactionRecord> list(String what, String sql, Object... parameters) {
        return pool.read(what, connection -> {
            try (ResultSet rows = prepare(connection, sql, parameters).executeQuery()) {
                List<TransactionRecord> records = new ArrayList<>();
                while (rows.next()) {
                    records.add(TransactionRows.read(rows));
                }
                return records;
            }
        });
    }

    /** The connection's kept statement for {@code sql}, bound; close only its result set. */
    private static PreparedStatement prepare(ReadPool.ReadConnection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepare(sql);
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof Long number) {
                statement.setLong(i + 1, number);
            } else {
                statement.setString(i + 1, (String) parameters[i]);
            }
        }
        return statement;
    }
}
