package io.tillgate.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MaskedPanTest {

    /** Built at run time so no card-number-like literal sits in the source. */
    private static final String SYNTHETIC_PAN = "516815" + "000000" + "9659";

    @Test
    void keepsFirstSixAndLastFour() {
        MaskedPan masked = MaskedPan.of(SYNTHETIC_PAN);
        assertThat(masked.value()).isEqualTo("516815******9659");
        assertThat(masked.lastFour()).isEqualTo("9659");
        assertThat(masked.toString()).doesNotContain("000000");
    }

    @Test
    void refusesAFullPanAsMasked() {
        assertThatThrownBy(() -> new MaskedPan(SYNTHETIC_PAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(SYNTHETIC_PAN);
        assertThatThrownBy(() -> new MaskedPan("5168150*****9659")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesSomethingThatIsNoPanWithoutEchoingIt() {
        assertThatThrownBy(() -> MaskedPan.of("5168-15")).hasMessageNotContaining("5168");
    }

    @Test
    void acceptsShorterMasks() {
        assertThat(new MaskedPan("****1234").lastFour()).isEqualTo("1234");
    }
}
