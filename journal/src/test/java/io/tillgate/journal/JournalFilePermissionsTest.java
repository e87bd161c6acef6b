package io.tillgate.journal;

import static io.tillgate.journal.Transactions.at;
import static io.tillgate.journal.Transactions.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.tillgate.journal.internal.JournalFiles;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQLite journal is private to the gateway's user: a folder it creates is {@code rwx------}, and
 * the database, its {@code -wal} and its {@code -shm} are {@code rw-------} — the last two because
 * SQLite gives them the database file's bits, which these tests check rather than assume.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalFilePermissionsTest {

    private static final String[] SQLITE_SUFFIXES = {"", "-wal", "-shm"};

    @TempDir
    Path dir;

    @BeforeAll
    static void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions");
    }

    @Test
    void aNewJournalIsPrivateFolderAndFiles() throws Exception {
        Path file = dir.resolve("data").resolve("journal.db");

        try (JdbcJournal journal = JdbcJournal.open(JournalSettings.sqlite(file))) {
            journal.insert(sale(at(0))).get(10, TimeUnit.SECONDS);

            assertThat(permissions(file.getParent())).isEqualTo("rwx------");
            assertEveryFileIsPrivate(file);
        }
    }

    @Test
    void foldersCreatedOnTheWayArePrivateToo() throws Exception {
        Path file = dir.resolve("a").resolve("b").resolve("journal.db");

        JdbcJournal.open(JournalSettings.sqlite(file)).close();

        assertThat(permissions(dir.resolve("a"))).isEqualTo("rwx------");
        assertThat(permissions(dir.resolve("a").resolve("b"))).isEqualTo("rwx------");
    }

    @Test
    void anOpenFolderIsLeftAsItIsWithOneWarningAndItsFilesArePrivate() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = folder.resolve("journal.db");

        try (CapturedLogs logs = CapturedLogs.at(Level.INFO, JournalFiles.class.getName())) {
            JdbcJournal.open(JournalSettings.sqlite(file)).close();
            try (JdbcJournal journal = JdbcJournal.open(JournalSettings.sqlite(file))) {
                journal.insert(sale(at(0))).get(10, TimeUnit.SECONDS);

                assertThat(permissions(folder)).isEqualTo("rwxr-xr-x");
                assertEveryFileIsPrivate(file);
            }
            List<ILoggingEvent> warnings = logs.events().stream()
                    .filter(event -> event.getLoggerName().equals(JournalFiles.class.getName())).toList();
            assertThat(warnings).singleElement().satisfies(warning -> {
                assertThat(warning.getLevel()).isEqualTo(Level.WARN);
                assertThat(warning.getFormattedMessage()).contains(folder.toString()).contains("rwxr-xr-x");
            });
        }
    }

    @Test
    void filesLeftOpenByAnEarlierReleaseAreMadePrivate() throws Exception {
        Path file = dir.resolve("journal.db");
        JdbcJournal.open(JournalSettings.sqlite(file)).close();
        Path staleWal = Path.of(file + "-wal");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createFile(staleWal, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        Files.setPosixFilePermissions(staleWal, PosixFilePermissions.fromString("rw-r--r--"));

        try (JdbcJournal journal = JdbcJournal.open(JournalSettings.sqlite(file))) {
            journal.insert(sale(at(0))).get(10, TimeUnit.SECONDS);

            assertEveryFileIsPrivate(file);
        }
    }

    private static void assertEveryFileIsPrivate(Path database) throws IOException {
        for (String suffix : SQLITE_SUFFIXES) {
            Path file = Path.of(database + suffix);
            assertThat(file).as("journal file%s", suffix).exists();
            assertThat(permissions(file)).as(file.getFileName().toString()).isEqualTo("rw-------");
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
