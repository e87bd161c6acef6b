package io.tillgate.journal;

import io.tillgate.journal.internal.Dialect;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the journal lives: a JDBC URL and, for a server database, the account to log in with.
 * The URL alone chooses the database ({@code jdbc:sqlite:} or {@code jdbc:postgresql:}), so moving
 * from the embedded default to a shared PostgreSQL is a configuration change, not a code change.
 *
 * @param jdbcUrl {@code jdbc:sqlite:data/journal.db} or {@code jdbc:postgresql://host/db}
 * @param user the database user, or {@code null} (SQLite)
 * @param password the database password, or {@code null}; never shown by {@link #toString()}
 */
public record JournalSettings(String jdbcUrl, String user, String password) {

    public JournalSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    /** A SQLite journal in {@code file}; its folder is created when the journal opens. */
    public static JournalSettings sqlite(Path file) {
        return new JournalSettings("jdbc:sqlite:" + file, null, null);
    }

    /** The file of a SQLite journal; empty for a database server. */
    public Optional<Path> sqliteFile() {
        Dialect dialect = Dialect.of(jdbcUrl);
        return dialect == Dialect.SQLITE ? dialect.file(jdbcUrl) : Optional.empty();
    }

    /** The URL with its secrets hidden ({@link JdbcUrlRedactor}): the only form logs and messages show. */
    public String redactedUrl() {
        return JdbcUrlRedactor.redact(jdbcUrl);
    }

    @Override
    public String toString() {
        return "JournalSettings[jdbcUrl=" + redactedUrl() + ", user=" + user + ", password="
                + (password == null ? "none" : "***") + "]";
    }
}
