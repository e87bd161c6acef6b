package io.tillgate.app.cli;

import io.tillgate.core.money.Money;
import java.math.BigDecimal;

/**
 * An amount in a JSON document: integer minor units, the ISO 4217 code, and the amount as the
 * text output shows it ({@code {"minor":1200,"currency":"EUR","display":"12.00 EUR"}}).
 */
record JsonAmount(long minor, String currency, String display) {

    static JsonAmount of(Money money) {
        return money == null ? null : new JsonAmount(money.minorUnits(), money.currency().getCurrencyCode(),
                money.toString());
    }

    /**
     * A P3 amount (major units and a currency code); {@code null} when either is missing or they do
     * not make an amount of that currency, which a document then shows as unknown rather than wrong.
     */
    static JsonAmount of(BigDecimal major, String currencyCode) {
        if (major == null || currencyCode == null) {
            return null;
        }
        try {
            return of(Money.ofMajor(major, Money.currency(currencyCode)));
        } catch (IllegalArgumentException | ArithmeticException notAnAmount) {
            return null;
        }
    }
}
