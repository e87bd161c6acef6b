package io.tillgate.app.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets kept out of the configuration file, so that the file can be versioned and shared: a
 * secret value (a merchant secret, {@code journal.password}) may be written {@code ${ENV_VAR}},
 * the value of an environment variable, or {@code ${file:/path/to/file}}, the content of a file
 * (a container or systemd secret, say) with one trailing newline removed. A relative path is
 * relative to the working directory. A value not starting with {@code ${} is the secret itself;
 * a secret that really starts with {@code ${} must therefore come from a file.
 *
 * <p>Every problem names the key and the variable or the path, never a value: what a variable or
 * file holds is a secret, and so may be what was written between the braces by mistake.
 */
final class SecretReferences {

    /** Larger files hold something other than one secret: a wrong path, most likely. */
    static final int MAX_FILE_BYTES = 64 * 1024;

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(.*)}", Pattern.DOTALL);
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String FILE_PREFIX = "file:";
    private static final String FORMS = "write ${ENV_VAR} or ${file:/path/to/file}";

    private final Function<String, String> environment;

    /** @param environment looks up an environment variable, {@code null} when it is not set */
    SecretReferences(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** {@code value} itself, or the secret it refers to; {@code null} stays {@code null}. */
    String resolve(String key, String value) {
        if (value == null || !value.startsWith("${")) {
            return value;
        }
        Matcher reference = REFERENCE.matcher(value);
        if (!reference.matches()) {
            throw new ConfigException(key, "starts a reference with '${' but does not end with '}' (" + FORMS + ")");
        }
        String target = reference.group(1);
        if (target.startsWith(FILE_PREFIX)) {
            return file(key, target.substring(FILE_PREFIX.length()));
        }
        if (!VARIABLE.matcher(target).matches()) {
            throw new ConfigException(key, "is a reference to neither an environment variable (letters, digits and "
                    + "'_') nor a file (" + FORMS + ")");
        }
        String found = environment.apply(target);
        if (found == null) {
            throw new ConfigException(key, "environment variable " + target + " is not set");
        }
        return found;
    }

    private static String file(String key, String name) {
        if (name.isBlank()) {
            throw new ConfigException(key, "names no file (" + FORMS + ")");
        }
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw new ConfigException(key, "secret file " + name + " is not a valid path: " + e.getReason());
        }
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw new ConfigException(key, "secret file " + path + " is larger than " + MAX_FILE_BYTES / 1024
                        + " KiB, so it is not a secret: is the path right?");
            }
            return withoutTrailingNewline(StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString());
        } catch (NoSuchFileException e) {
            throw new ConfigException(key, "secret file " + path + " does not exist");
        } catch (AccessDeniedException e) {
            throw new ConfigException(key, "secret file " + path + " cannot be read: permission denied");
        } catch (CharacterCodingException e) {
            throw new ConfigException(key, "secret file " + path + " is not UTF-8 text");
        } catch (IOException e) {
            // The exception's own message is not used: only the path is known to hold no secret.
            throw new ConfigException(key, "secret file " + path + " cannot be read ("
                    + e.getClass().getSimpleName() + (Files.isDirectory(path) ? ", it is a directory)" : ")"));
        }
    }

    private static String withoutTrailingNewline(String content) {
        if (content.endsWith("\r\n")) {
            return content.substring(0, content.length() - 2);
        }
        return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    }
}
