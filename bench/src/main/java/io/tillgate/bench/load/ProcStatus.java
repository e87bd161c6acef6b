package io.tillgate.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a field such as VmRSS from {@code /proc/<pid>/status} (Linux). */
final class ProcStatus {

    private ProcStatus() {
    }

    /** The field in kB; {@code pid} is a number or {@code self}. */
    static long kilobytes(String pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
            throw new IllegalStateException("no " + field + " in /proc/" + pid + "/status");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + "/status (Linux only)", e);
        }
    }
}
