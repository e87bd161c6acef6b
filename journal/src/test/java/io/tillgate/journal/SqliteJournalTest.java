package io.tillgate.journal;

import static io.tillgate.journal.Transactions.at;
import static io.tillgate.journal.Transactions.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.journal.internal.ConnectionFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: a SQLite file per test. */
class SqliteJournalTest extends JdbcJournalContract {

    @TempDir
    Path folder;

    @Override
    protected JournalSettings settings() {
        return JournalSettings.sqlite(folder.resolve("data").resolve("journal.db"));
    }

    @Override
    protected void deleteAll() {
        // Every test has a new file.
    }

    @Test
    void fileIsInWalModeAndTheWriterSyncsEveryCommit() throws SQLException {
        try (Connection writer = new ConnectionFactory(settings()).openWriter()) {
            assertThat(pragma(writer, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(writer, "synchronous")).isEqualTo("2");
            assertThat(pragma(writer, "busy_timeout")).isEqualTo("5000");
        }
        try (Connection plain = DriverManager.getConnection(settings().jdbcUrl())) {
            assertThat(pragma(plain, "journal_mode")).as("WAL is a property of the file").isEqualTo("wal");
        }
    }

    @Test
    void missingFoldersAreCreated() throws Exception {
        Path deep = folder.resolve("a").resolve("b").resolve("journal.db");

        try (JdbcJournal journal = JdbcJournal.open(JournalSettings.sqlite(deep))) {
            await(journal.insert(sale(at(0))));
        }

        assertThat(Files.exists(deep)).isTrue();
    }

    @Test
    void inMemoryDatabaseIsRefused() {
        assertThatThrownBy(() -> JdbcJournal.open(new JournalSettings("jdbc:sqlite::memory:", null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a file");
    }

    @Test
    void unsupportedDatabaseIsNamed() {
        assertThatThrownBy(() -> JdbcJournal.open(new JournalSettings("jdbc:mysql://db/x?password=s3cret", "u", "p")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:mysql:")
                .hasMessageNotContaining("s3cret");
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA " + name)) {
            row.next();
            return row.getString(1);
        }
    }
}
