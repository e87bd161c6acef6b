package io.tillgate.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The process id of a running {@code tillgate serve}, in a file (one line, the decimal pid) for
 * {@code tillgate reload} and service scripts. Written before the gateway starts, deleted once it
 * has stopped, if it still names this process.
 */
final class PidFile {

    private PidFile() {
    }

    /**
     * @throws IllegalStateException naming the file when it cannot be written, or when it names
     *     another process that still runs (another gateway)
     */
    static void write(Path file) {
        Optional<ProcessHandle> other = read(file).flatMap(ProcessHandle::of)
                .filter(p -> p.isAlive() && p.pid() != ProcessHandle.current().pid());
        if (other.isPresent()) {
            throw new IllegalStateException("pid file " + file + " names process " + other.get().pid()
                    + ", which still runs; is another gateway using it? Stop it, or give this one another "
                    + "--pid-file");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write pid file " + file + ": " + e, e);
        }
    }

    static void delete(Path file) {
        try {
            if (read(file).filter(pid -> pid == ProcessHandle.current().pid()).isPresent()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | IllegalStateException e) {
            // Left behind: the next start sees that its process is gone and writes over it.
        }
    }

    /**
     * The pid the file holds; empty when there is no such file.
     *
     * @throws IllegalStateException naming the file when it cannot be read or holds no pid
     */
    static Optional<Long> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read pid file " + file + ": " + e, e);
        }
        try {
            long pid = Long.parseLong(text);
            if (pid <= 0) {
                throw new NumberFormatException();
            }
            return Optional.of(pid);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("pid file " + file + " holds no process id", e);
        }
    }
}
