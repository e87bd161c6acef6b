package io.tillgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tillgate.testkit.DecoderContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of {@link ConfigLoader#load}: the YAML file {@code tillgate serve} reads.
 *
 * <p>Contract: any file loads to {@link GatewaySettings} or is refused with a
 * {@link ConfigException}, within the timeout: that is the one exception the command turns into a
 * one-line error, so anything else escaping the loader would be a stack trace for the operator.
 * A refusal never quotes a secret the file refers to: the value of a variable of the fuzzing
 * environment, or the content of a secret file, appears in its message only when the file itself
 * holds it. The loader has no encoder, so there is no round trip to check.
 *
 * <p>The environment is fixed ({@link #ENVIRONMENT}), so the machine's own never changes what a
 * seed does, and the secret files are written under {@code target/fuzz-secrets/} of the module,
 * where the seeds' relative {@code ${file:…}} references find them: a secret, one ending with CR LF,
 * one that is not UTF-8, one above the loader's size limit.
 */
class ConfigLoaderFuzzTest {

    /** One file, rewritten for each input: the loader reads a path, and creating a file per input is slow. */
    private static final Path FILE = temporaryFile();
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "TILLGATE_MERCHANT_SECRET", "synthetic-secret-from-the-environment",
            "TILLGATE_JOURNAL_PASSWORD", "synthetic-journal-password");
    private static final Path SECRETS = Path.of("target", "fuzz-secrets");
    private static final String FILE_SECRET = "synthetic-secret-from-a-file";
    private static final List<String> SECRET_VALUES = secretFiles();

    /** Class loading (YAML, Jackson, the codecs the settings name) counts against no input's timeout. */
    @BeforeAll
    static void loadTheClassesOnce() {
        ConfigLoader.loadDefault();
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "config.dict")
    @Timeout(5)
    void load(byte[] yaml) throws IOException {
        Files.write(FILE, yaml);
        String file = new String(yaml, StandardCharsets.ISO_8859_1);
        DecoderContract.valueOrDeclared(() -> ConfigLoader.load(FILE, ENVIRONMENT::get), ConfigException.class,
                refused -> SECRET_VALUES.stream().filter(secret -> !file.contains(secret)).forEach(secret ->
                        assertThat(refused.getMessage()).as("a refusal's message").doesNotContain(secret)));
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

    private static List<String> secretFiles() {
        try {
            Files.createDirectories(SECRETS);
            Files.writeString(SECRETS.resolve("secret"), FILE_SECRET + "\n");
            Files.writeString(SECRETS.resolve("secret-crlf"), FILE_SECRET + "\r\n");
            Files.write(SECRETS.resolve("not-utf8"), new byte[] {'s', (byte) 0xFF, 'c', (byte) 0xFE});
            Files.writeString(SECRETS.resolve("too-large"), "x".repeat(SecretReferences.MAX_FILE_BYTES + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of(ENVIRONMENT.get("TILLGATE_MERCHANT_SECRET"), ENVIRONMENT.get("TILLGATE_JOURNAL_PASSWORD"),
                FILE_SECRET);
    }
}
