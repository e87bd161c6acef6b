package io.tillgate.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransactionIdsTest {

    @Test
    void idsAre32HexCharactersLeadingWithTheCreationTime() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(0x0123456789ABL), ZoneOffset.UTC);
        String id = TransactionIds.next(clock);
        assertThat(id).matches("[0-9a-f]{32}").startsWith("0123456789ab");
        assertThat(TransactionIds.createdAt(id)).isEqualTo(clock.instant());
    }

    @Test
    void idsSortByCreationTimeAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        String previous = TransactionIds.next(Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC));
        for (int i = 0; i < 10_000; i++) {
            String next = TransactionIds.next(Clock.fixed(Instant.ofEpochMilli(2_000 + i), ZoneOffset.UTC));
            assertThat(next).isGreaterThan(previous);
            assertThat(seen.add(next)).isTrue();
            previous = next;
        }
    }
}
