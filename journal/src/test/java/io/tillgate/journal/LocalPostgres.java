package io.tillgate.journal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's PostgreSQL (127.0.0.1:5432, trust authentication, database {@code test}). CI must
 * run the PostgreSQL tests, so there an unreachable server fails them; elsewhere they are skipped.
 */
final class LocalPostgres {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final List<String> USERS = List.of("postgres", "root");

    private LocalPostgres() {
    }

    /** The first user that can log in; fails (CI) or skips the test class when none can. */
    static String userOrSkip() {
        SQLException last = null;
        for (String user : USERS) {
            try (Connection ignored = DriverManager.getConnection(URL + "?connectTimeout=3", user, null)) {
                return user;
            } catch (SQLException e) {
                last = e;
            }
        }
        String message = "PostgreSQL at " + URL + " is unreachable as " + USERS + ": "
                + (last == null ? "" : last.getMessage());
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message + " (CI must run the PostgreSQL journal tests)");
        }
        Assumptions.abort(message + "; start it with: pg_ctlcluster --skip-systemctl-redirect "
                + "$(ls /etc/postgresql) main start");
        throw new IllegalStateException("unreachable");
    }

    static void execute(String url, String user, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, null);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
