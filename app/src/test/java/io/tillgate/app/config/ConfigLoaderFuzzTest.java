package io.tillgate.app.config;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tillgate.testkit.DecoderContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of {@link ConfigLoader#load}: the YAML file {@code tillgate serve} reads.
 *
 * <p>Contract: any file loads to {@link GatewaySettings} or is refused with a
 * {@link ConfigException}, within the timeout: that is the one exception the command turns into a
 * one-line error, so anything else escaping the loader would be a stack trace for the operator.
 * The loader has no encoder, so there is no round trip to check.
 */
class ConfigLoaderFuzzTest {

    /** One file, rewritten for each input: the loader reads a path, and creating a file per input is slow. */
    private static final Path FILE = temporaryFile();

    @FuzzTest
    @DictionaryFile(resourcePath = "config.dict")
    @Timeout(5)
    void load(byte[] yaml) throws IOException {
        Files.write(FILE, yaml);
        DecoderContract.valueOrDeclared(() -> ConfigLoader.load(FILE), ConfigException.class);
    }

    private static Path temporaryFile() {
        try {
            Path file = Files.createTempFile("tillgate-fuzz-", ".yaml");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
