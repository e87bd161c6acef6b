package io.tillgate.app.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Numbered screenshots of each step ({@code NN-step.png}), kept for a person to look at. */
public final class Screenshots {

    private final Path directory;
    private int next = 1;

    private Screenshots(Path directory) {
        this.directory = directory;
    }

    /** Empties {@code directory} of an earlier run's screenshots. */
    public static Screenshots in(Path directory) {
        try {
            Files.createDirectories(directory);
            try (Stream<Path> old = Files.list(directory)) {
                for (Path file : old.filter(f -> f.getFileName().toString().endsWith(".png")).toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Screenshots(directory);
    }

    public synchronized void take(HeadlessChromium browser, String step) {
        Path file = directory.resolve(String.format("%02d-%s.png", next++, step));
        try {
            Files.write(file, browser.fullPageScreenshot());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
