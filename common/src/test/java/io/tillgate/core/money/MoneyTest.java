package io.tillgate.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void convertsMajorUnitsWithTheCurrencyExponent() {
        assertThat(Money.ofMajor("12.5", "EUR")).isEqualTo(Money.ofMinor(1250, "EUR"));
        assertThat(Money.ofMajor("500", "JPY")).isEqualTo(Money.ofMinor(500, "JPY"));
        assertThat(Money.ofMajor("1.234", "KWD").minorUnits()).isEqualTo(1234);
        assertThat(Money.ofMinor(500, "EUR").toMajor()).isEqualTo(new BigDecimal("5.00"));
        assertThat(Money.ofMinor(500, "EUR").toMajor().toPlainString()).isEqualTo("5.00");
        assertThat(Money.ofMinor(500, "JPY").toMajor().toPlainString()).isEqualTo("500");
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        assertThatThrownBy(() -> Money.ofMajor("12.345", "EUR"))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("12.345").hasMessageContaining("EUR");
        assertThatThrownBy(() -> Money.ofMajor("1.5", "JPY")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void namesAnUnknownCurrency() {
        assertThatThrownBy(() -> Money.ofMinor(1, "EURO")).hasMessageContaining("'EURO'");
    }

    @Test
    void centsSelectTheSimulatedScenario() {
        assertThat(Money.ofMajor("12.91", "EUR").cents()).isEqualTo(91);
        assertThat(Money.ofMajor("12.00", "EUR").cents()).isZero();
    }

    @Test
    void arithmeticStaysInOneCurrency() {
        Money a = Money.ofMinor(1001, "EUR");
        assertThat(a.half().minorUnits()).isEqualTo(500);
        assertThat(a.minus(Money.ofMinor(1, "EUR")).minorUnits()).isEqualTo(1000);
        assertThatThrownBy(() -> a.plus(Money.ofMinor(1, "USD"))).hasMessageContaining("currency mismatch");
    }

    @Property
    void majorAndMinorRoundTrip(@ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long minor) {
        Money money = Money.ofMinor(minor, "EUR");
        assertThat(Money.ofMajor(money.toMajor(), money.currency())).isEqualTo(money);
    }
}
