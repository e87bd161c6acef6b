package io.tillgate.bench.cluster;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A PostgreSQL database of one benchmark run, with a random name, created on the server's
 * {@code test} database and dropped (with its connections) on close, so runs never share a journal.
 */
final class PostgresDatabase implements AutoCloseable {

    private final String server;
    private final String user;
    private final String name;

    private PostgresDatabase(String server, String user, String name) {
        this.server = server;
        this.user = user;
        this.name = name;
    }

    /**
     * @param server a JDBC URL ending with the slash before the database name,
     *     e.g. {@code jdbc:postgresql://127.0.0.1:5432/}
     */
    static PostgresDatabase create(String server, String user, String prefix) throws SQLException {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        PostgresDatabase database = new PostgresDatabase(server, user, prefix + "_" + HexFormat.of().formatHex(random));
        database.onServer("CREATE DATABASE " + database.name);
        return database;
    }

    String url() {
        return server + name;
    }

    String user() {
        return user;
    }

    String name() {
        return name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, null);
    }

    @Override
    public void close() throws SQLException {
        onServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void onServer(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server + "test", user, null);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
