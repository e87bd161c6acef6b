package io.tillgate.journal.internal;

import io.tillgate.journal.JournalSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens connections to the journal's database, set up for writing or for reading. */
public final class ConnectionFactory {

    private final JournalSettings settings;
    private final Dialect dialect;

    public ConnectionFactory(JournalSettings settings) {
        this.settings = settings;
        this.dialect = Dialect.of(settings.jdbcUrl());
    }

    public Dialect dialect() {
        return dialect;
    }

    public JournalSettings settings() {
        return settings;
    }

    /** The writer's connection: manual commit, so one commit (one fsync) covers a whole batch. */
    public Connection openWriter() throws SQLException {
        Connection connection = connect(dialect.writerProperties(settings.jdbcUrl()));
        try {
            dialect.configureWriter(connection);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * A reader's connection: auto-commit, so every query starts a fresh snapshot and sees every
     * commit that happened before it.
     */
    public Connection openReader() throws SQLException {
        Connection connection = connect(new Properties());
        try {
            dialect.configureReader(connection);
            return connection;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private Connection connect(Properties properties) throws SQLException {
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        return DriverManager.getConnection(settings.jdbcUrl(), properties);
    }

    static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Already broken: nothing left to release.
        }
    }
}
