package io.tillgate.journal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The text and time encodings of the journal's columns read back exactly what was written. */
class TextColumnsTest {

    @Property(tries = 300)
    void receiptLinesRoundTrip(@ForAll @Size(max = 6) List<@StringLength(max = 12)
            @Chars({'a', '=', '\\', '\n', '\r', 'n', ' '}) String> lines) {
        assertThat(TextLines.splitLines(TextLines.joinLines(lines))).isEqualTo(lines);
    }

    @Property(tries = 300)
    void rawCodesRoundTrip(@ForAll @Size(max = 5) Map<@StringLength(max = 6) @Chars({'A', '=', '\\', '\n'}) String,
            @StringLength(max = 8) @Chars({'0', '=', '\\', '\n', 'n'}) String> codes) {
        assertThat(TextLines.splitCodes(TextLines.joinCodes(codes))).isEqualTo(codes);
    }

    @Test
    void emptyListAndMapAreNullAndASingleEmptyLineIsNot() {
        assertThat(TextLines.joinLines(List.of())).isNull();
        assertThat(TextLines.splitLines(null)).isEmpty();
        assertThat(TextLines.splitLines(TextLines.joinLines(List.of("")))).containsExactly("");
        assertThat(TextLines.joinCodes(Map.of())).isNull();
        assertThat(TextLines.joinLines(List.of("TOTAL", "12.50 EUR"))).isEqualTo("TOTAL\n12.50 EUR");
    }

    @Property(tries = 300)
    void instantsRoundTripAtMicrosecondPrecision(
            @ForAll @LongRange(min = -9_000_000_000L, max = 9_000_000_000L) long seconds,
            @ForAll @LongRange(min = 0, max = 999_999) long micros) {
        Instant instant = Instant.ofEpochSecond(seconds, micros * 1_000);

        assertThat(EpochMicros.toInstant(EpochMicros.of(instant))).isEqualTo(instant);
        assertThat(EpochMicros.ceiling(instant)).isEqualTo(EpochMicros.of(instant));
        assertThat(EpochMicros.ceiling(instant.plusNanos(1))).isEqualTo(EpochMicros.of(instant) + 1);
    }
}
