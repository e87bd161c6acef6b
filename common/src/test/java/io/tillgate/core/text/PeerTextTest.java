package io.tillgate.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeerTextTest {

    @Test
    void shortTextStaysLongTextIsCutAndControlCharactersAreEscaped() {
        assertThat(PeerText.clip("ORDER-7")).isEqualTo("ORDER-7");
        assertThat(PeerText.clip(null)).isEqualTo("null");
        assertThat(PeerText.clip("x".repeat(100))).isEqualTo("x".repeat(40) + "…(100 chars)");
        assertThat(PeerText.clip("a\nFAKE LOG LINE")).isEqualTo("a\\u000aFAKE LOG LINE");
    }
}
