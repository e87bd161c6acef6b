package io.tillgate.core.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardDataMaskerTest {

    private static final String SYNTHETIC_PAN = "476173" + "000000" + "0010";

    @Test
    void masksCardNumbersInFreeText() {
        assertThat(CardDataMasker.mask("card " + SYNTHETIC_PAN + " declined"))
                .isEqualTo("card 476173******0010 declined");
        assertThat(CardDataMasker.mask("card 4761 7300 0000 0010 x")).isEqualTo("card 476173******0010 x");
        assertThat(CardDataMasker.mask("a=" + SYNTHETIC_PAN + ",b=" + SYNTHETIC_PAN))
                .doesNotContain(SYNTHETIC_PAN);
    }

    @Test
    void overMasksLongDigitRunsOnPurpose() {
        assertThat(CardDataMasker.mask("at 1700000000000 ms")).isEqualTo("at 170000***0000 ms");
    }

    @Test
    void leavesOrdinaryNumbersAlone() {
        assertThat(CardDataMasker.mask("amount 12.50 EUR, terminal 12345678"))
                .isEqualTo("amount 12.50 EUR, terminal 12345678");
        assertThat(CardDataMasker.mask("port 8080, id 97a293ca3b804d639d8552962e0e3522"))
                .isEqualTo("port 8080, id 97a293ca3b804d639d8552962e0e3522");
        assertThat(CardDataMasker.mask("id 45646729e14653500000005102a16bfe")).isEqualTo("id 45646729e14653500000005102a16bfe");
        assertThat(CardDataMasker.mask(null)).isNull();
    }
}
