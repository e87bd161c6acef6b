package io.tillgate.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FrameMutatorTest {

    private static final byte[] VALID = ("CZ0040300CJ012" + "012345678901" + "CA00201CD001I")
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void aSeedReplaysTheSameDamage() {
        for (long seed = 0; seed < 200; seed++) {
            assertThat(new FrameMutator(seed).mutate(VALID)).isEqualTo(new FrameMutator(seed).mutate(VALID));
        }
    }

    @Test
    void damagesVaryAndLeaveTheValidFrameAlone() {
        byte[] original = VALID.clone();
        Set<String> damaged = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            damaged.add(new String(new FrameMutator(seed).mutate(VALID), StandardCharsets.ISO_8859_1));
        }

        assertThat(VALID).isEqualTo(original);
        assertThat(damaged).hasSizeGreaterThan(190);
        assertThat(damaged.stream().mapToInt(String::length).distinct().count()).isGreaterThan(20);
    }
}
