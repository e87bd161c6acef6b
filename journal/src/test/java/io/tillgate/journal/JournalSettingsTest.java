package io.tillgate.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JournalSettingsTest {

    @Test
    void passwordsNeverShow() {
        JournalSettings settings = new JournalSettings("jdbc:postgresql://db/tillgate?user=gw&password=s3cret",
                "gw", "hunter2");

        assertThat(settings.toString()).doesNotContain("s3cret").doesNotContain("hunter2")
                .contains("password=***").contains("jdbc:postgresql://db/tillgate");
    }

    @Test
    void sqliteSettingsNeedNoAccount() {
        JournalSettings settings = JournalSettings.sqlite(Path.of("data", "journal.db"));

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:sqlite:data/journal.db");
        assertThat(settings.user()).isNull();
        assertThat(settings.toString()).contains("password=none");
    }
}
