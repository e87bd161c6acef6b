package io.tillgate.journal.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Column values worked out before they are bound: on the caller's thread, so the writer thread
 * spends its time in the database, not formatting receipts or masking text.
 */
final class ColumnValues {

    private final List<Object> values = new ArrayList<>();
    private final List<Integer> types = new ArrayList<>();

    ColumnValues text(String value) {
        return add(value, Types.VARCHAR);
    }

    ColumnValues number(Long value) {
        return add(value, Types.BIGINT);
    }

    ColumnValues flag(boolean value) {
        return add(value, Types.BOOLEAN);
    }

    /** Binds the values to parameters {@code first}, {@code first + 1}, …; returns the next free index. */
    int bind(PreparedStatement statement, int first) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            int type = types.get(i);
            int index = first + i;
            if (value == null) {
                statement.setNull(index, type);
            } else if (type == Types.BIGINT) {
                statement.setLong(index, (Long) value);
            } else if (type == Types.BOOLEAN) {
                statement.setBoolean(index, (Boolean) value);
            } else {
                statement.setString(index, (String) value);
            }
        }
        return first + values.size();
    }

    private ColumnValues add(Object value, int type) {
        values.add(value);
        types.add(type);
        return this;
    }
}
