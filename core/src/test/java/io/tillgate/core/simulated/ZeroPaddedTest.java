package io.tillgate.core.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The padded digits are what {@link String#format} printed before, whatever the default locale. */
class ZeroPaddedTest {

    @Test
    void decimalAsPercentZeroNd() {
        for (long value : new long[] {0, 7, 42, 999_999, 1_000_000, 123_456_789, 999_999_999, 12_345_678_901L}) {
            assertThat(ZeroPadded.decimal(value, 6)).isEqualTo(String.format(Locale.ROOT, "%06d", value));
            assertThat(ZeroPadded.decimal(value, 9)).isEqualTo(String.format(Locale.ROOT, "%09d", value));
        }
    }

    @Test
    void hexAsPercentZeroNUpperX() {
        for (int value : new int[] {0, 0xA, 0xBEEF, 0xFFFFFF, 0x1234567}) {
            assertThat(ZeroPadded.hex(value, 6)).isEqualTo(String.format(Locale.ROOT, "%06X", value));
        }
    }
}
