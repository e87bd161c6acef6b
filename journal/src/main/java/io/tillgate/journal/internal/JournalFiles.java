package io.tillgate.journal.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a SQLite journal's folder and files private to the gateway's user before SQLite opens them:
 * they hold every transaction, with masked card numbers, amounts and receipts, which is nobody
 * else's business on a shared machine.
 *
 * <p>A folder the gateway creates is {@code rwx------}. A folder that already exists is left as it
 * is — it may be the working directory or a folder the operator shares on purpose — but a warning
 * says so, once per folder, when group or others can read it. The database file is created empty
 * with {@code rw-------} (SQLite takes an empty file for an empty database) or, when it exists, set
 * to {@code rw-------} (a warning when that is refused), and so is a {@code -wal} or {@code -shm} file
 * left by an earlier run. SQLite gives the {@code -wal} and {@code -shm} files it creates the
 * permission bits of the database file, so they are private too. On a file system without POSIX
 * permissions (Windows) only the folder is created.
 */
public final class JournalFiles {

    private static final Logger LOG = LoggerFactory.getLogger(JournalFiles.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> READABLE_BY_OTHERS =
            EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    /** The files SQLite keeps beside the database in WAL mode. */
    private static final String[] COMPANIONS = {"-wal", "-shm"};
    /** Folders already warned about: a process that opens its journal again need not hear it twice. */
    private static final Set<Path> WARNED = ConcurrentHashMap.newKeySet();

    private JournalFiles() {
    }

    /**
     * Creates {@code database}'s folder and the empty database file owner-only, or tightens the files
     * that exist.
     *
     * @throws UncheckedIOException if the folder or the file cannot be created
     */
    public static void prepare(Path database) {
        Path file = database.toAbsolutePath().normalize();
        Path folder = file.getParent();
        if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            createFolder(folder);
            return;
        }
        if (Files.isDirectory(folder)) {
            warnIfReadableByOthers(folder);
        } else {
            createFolder(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
        }
        createOrRestrict(file);
        for (String suffix : COMPANIONS) {
            Path companion = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(companion)) {
                restrict(companion);
            }
        }
    }

    private static void createFolder(Path folder, FileAttribute<?>... attributes) {
        try {
            Files.createDirectories(folder, attributes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the journal folder " + folder, e);
        }
    }

    private static void warnIfReadableByOthers(Path folder) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions of the journal folder " + folder, e);
        }
        if (permissions.stream().anyMatch(READABLE_BY_OTHERS::contains) && WARNED.add(folder)) {
            LOG.warn("journal folder {} is readable by other users ({}); the journal's files are private to this "
                    + "user, but the folder is left as it is: chmod 700 it unless it is shared on purpose", folder,
                    PosixFilePermissions.toString(permissions));
        }
    }

    private static void createOrRestrict(Path file) {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } catch (FileAlreadyExistsException e) {
            restrict(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the journal file " + file, e);
        }
    }

    /**
     * A file that exists but is not ours to change (another user's, on a volume mounted so) only
     * gets a warning: refusing to start would stop payments for a permission SQLite does not need.
     */
    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        } catch (IOException e) {
            LOG.warn("journal file {} could not be made private to this user (rw-------): {}", file, e.toString());
        }
    }
}
