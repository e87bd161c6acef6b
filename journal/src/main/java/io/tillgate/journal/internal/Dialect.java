package io.tillgate.journal.internal;

import io.tillgate.journal.JdbcUrlRedactor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * What differs between the two supported databases. The schema and every statement are the same
 * on both; only the per-connection set-up differs, because SQLite keeps its durability settings
 * per connection while PostgreSQL keeps them on the server.
 */
public enum Dialect {

    /**
     * The embedded default: WAL so readers never block the writer, an fsync on every commit, a page
     * cache big enough for the hot index pages, and a checkpoint every few thousand pages rather than
     * every thousand, so the pages every batch touches (table and index tails) are copied into the
     * database file less often.
     */
    SQLITE("jdbc:sqlite:") {
        @Override
        void configureWriter(Connection connection) throws SQLException {
            pragmas(connection, "PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                    "PRAGMA busy_timeout=" + BUSY_TIMEOUT_MILLIS, "PRAGMA foreign_keys=ON",
                    "PRAGMA cache_size=-" + WRITER_CACHE_KIB, "PRAGMA wal_autocheckpoint=" + CHECKPOINT_PAGES);
        }

        @Override
        void configureReader(Connection connection) throws SQLException {
            pragmas(connection, "PRAGMA busy_timeout=" + BUSY_TIMEOUT_MILLIS, "PRAGMA query_only=ON");
        }

        @Override
        public Optional<Path> file(String jdbcUrl) {
            String location = jdbcUrl.substring(prefix.length());
            int query = location.indexOf('?');
            if (query >= 0) {
                location = location.substring(0, query);
            }
            if (location.startsWith("file:")) {
                location = location.substring("file:".length());
            }
            if (location.isEmpty() || location.startsWith(":memory:")) {
                throw new IllegalArgumentException(
                        "a SQLite journal needs a file, not " + JdbcUrlRedactor.redact(jdbcUrl));
            }
            return Optional.of(Path.of(location));
        }
    },

    /** A server shared by several gateway nodes; durability is the server's synchronous_commit. */
    POSTGRESQL("jdbc:postgresql:") {
        /**
         * The driver sends a batch of inserts (a group commit's first events) as multi-row inserts,
         * unless the URL says otherwise.
         */
        @Override
        Properties writerProperties(String jdbcUrl) {
            Properties properties = new Properties();
            if (!jdbcUrl.contains(REWRITE_BATCHED_INSERTS)) {
                properties.setProperty(REWRITE_BATCHED_INSERTS, "true");
            }
            return properties;
        }

        @Override
        void configureWriter(Connection connection) {
            // Nothing per connection: the server's settings apply.
        }

        @Override
        void configureReader(Connection connection) throws SQLException {
            connection.setReadOnly(true);
        }

        @Override
        public Optional<Path> file(String jdbcUrl) {
            return Optional.empty();
        }
    };

    /** How long SQLite waits for a lock (a checkpoint, another process) before failing. */
    static final int BUSY_TIMEOUT_MILLIS = 5_000;
    /** The writer's page cache: 16 MiB instead of SQLite's 2 MiB. */
    static final int WRITER_CACHE_KIB = 16 * 1024;
    /** WAL pages between automatic checkpoints (4 KiB each, so about 16 MiB of WAL). */
    static final int CHECKPOINT_PAGES = 4_000;

    private static final String REWRITE_BATCHED_INSERTS = "reWriteBatchedInserts";

    final String prefix;

    Dialect(String prefix) {
        this.prefix = prefix;
    }

    /** Driver properties of the writer's connection, besides the user and password. */
    Properties writerProperties(String jdbcUrl) {
        return new Properties();
    }

    /** Prepares the writer's connection before its first transaction. */
    abstract void configureWriter(Connection connection) throws SQLException;

    /** Prepares a connection that only reads. */
    abstract void configureReader(Connection connection) throws SQLException;

    /** The database file, for a database that lives in one. */
    public abstract Optional<Path> file(String jdbcUrl);

    public static Dialect of(String jdbcUrl) {
        for (Dialect dialect : values()) {
            if (jdbcUrl.startsWith(dialect.prefix)) {
                return dialect;
            }
        }
        int schemeEnd = jdbcUrl.indexOf(':', jdbcUrl.indexOf(':') + 1);
        String scheme = schemeEnd > 0 ? jdbcUrl.substring(0, schemeEnd + 1) : "a URL without a jdbc: scheme";
        throw new IllegalArgumentException(
                "the journal supports jdbc:sqlite: and jdbc:postgresql: URLs, not " + scheme);
    }

    private static void pragmas(Connection connection, String... pragmas) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String pragma : pragmas) {
                statement.execute(pragma);
            }
        }
    }
}
