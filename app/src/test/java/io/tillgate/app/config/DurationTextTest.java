package io.tillgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void readsOperatorDurations() {
        assertThat(DurationText.parse("k", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("k", "30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse("k", " 3m ")).isEqualTo(Duration.ofMinutes(3));
        assertThat(DurationText.parse("k", "24h")).isEqualTo(Duration.ofHours(24));
        assertThat(DurationText.parse("k", "7d")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void refusesOtherForms() {
        assertThatThrownBy(() -> DurationText.parse("gateway.x", "3 minutes")).hasMessageContaining("'gateway.x'");
        assertThatThrownBy(() -> DurationText.parse("k", "-1s")).isInstanceOf(ConfigException.class);
    }
}
