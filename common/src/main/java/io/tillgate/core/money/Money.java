package io.tillgate.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money as integer minor units of an ISO 4217 currency.
 *
 * <p>The exponent comes from {@link Currency#getDefaultFractionDigits()}: 1250 EUR minor units is
 * 12.50 EUR, 1250 JPY is 1250 JPY. Protocols convert at their edge with {@link #ofMajor} and
 * {@link #toMajor()}; nothing inside Tillgate ever holds money as a floating-point number.
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(
                    "currency " + currency.getCurrencyCode() + " has no ISO 4217 minor unit");
        }
    }

    public static Money ofMinor(long minorUnits, String currencyCode) {
        return new Money(minorUnits, currency(currencyCode));
    }

    /**
     * Converts a major-unit decimal ({@code 12.5} EUR) into minor units.
     *
     * @throws ArithmeticException if the value has more decimals than the currency's exponent
     *     ({@code 12.345} EUR) or does not fit a {@code long}
     */
    public static Money ofMajor(BigDecimal major, Currency currency) {
        Objects.requireNonNull(major, "major");
        int exponent = currency.getDefaultFractionDigits();
        BigDecimal minor = major.movePointRight(exponent);
        try {
            return new Money(minor.longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new ArithmeticException("amount " + major.toPlainString() + " is not representable in "
                    + currency.getCurrencyCode() + " minor units (exponent " + exponent + ")");
        }
    }

    public static Money ofMajor(String major, String currencyCode) {
        return ofMajor(new BigDecimal(major), currency(currencyCode));
    }

    /** Resolves an ISO 4217 alpha-3 code, naming the code when it is not one. */
    public static Currency currency(String code) {
        Objects.requireNonNull(code, "currency code");
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown ISO 4217 currency code '" + code + "'");
        }
    }

    /** The amount in major units with exactly the currency's exponent digits (12.50, not 12.5). */
    public BigDecimal toMajor() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
    }

    /** The minor-unit remainder modulo 100 that selects the simulated card flow. */
    public int cents() {
        return (int) Math.floorMod(minorUnits, 100L);
    }

    public boolean isPositive() {
        return minorUnits > 0;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    /** Half of this amount, rounded down to a whole minor unit. */
    public Money half() {
        return new Money(BigDecimal.valueOf(minorUnits).divide(BigDecimal.valueOf(2), 0, RoundingMode.DOWN)
                .longValueExact(), currency);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minorUnits, other.minorUnits);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency.getCurrencyCode()
                    + " vs " + other.currency.getCurrencyCode());
        }
    }

    /** {@code 12.50 EUR}. */
    @Override
    public String toString() {
        return toMajor().toPlainString() + " " + currency.getCurrencyCode();
    }
}
