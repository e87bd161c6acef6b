package io.tillgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal URL from the configuration is shown, in a message or a log line, only with its secrets hidden. */
class JournalUrlInConfigTest {

    private static final String SECRET = "journal-" + "s3cret";

    @TempDir
    Path dir;

    @Test
    void anUnsupportedJournalIsNamedWithoutItsPasswords() {
        assertThatThrownBy(() -> load("jdbc:mysql://gw:" + SECRET + "@db/tillgate?sslpassword=" + SECRET))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config key 'journal.url': 'jdbc:mysql://gw:***@db/tillgate?sslpassword=***' is not a "
                        + "journal (expected jdbc:sqlite:FILE, jdbc:postgresql://HOST:PORT/DATABASE or memory)");
    }

    @Test
    void theJournalSpecShowsOnlyTheRedactedUrl() throws IOException {
        GatewaySettings.JournalSpec journal =
                load("jdbc:postgresql://db/tillgate?user=gw&password=" + SECRET).journal();

        assertThat(journal.redactedUrl()).isEqualTo("jdbc:postgresql://db/tillgate?user=gw&password=***");
        assertThat(journal.toString()).contains(journal.redactedUrl()).doesNotContain(SECRET);
        assertThat(journal.url()).as("what the driver gets").contains(SECRET);
    }

    private GatewaySettings load(String journalUrl) throws IOException {
        Path file = dir.resolve("tillgate.yaml");
        Files.writeString(file, "journal: {url: '" + journalUrl + "'}\n"
                + "merchants: [{id: shop, secret: long-enough-secret, terminals: [t1]}]\n"
                + "terminals: [{id: t1}]\n");
        return ConfigLoader.load(file);
    }
}
