package io.tillgate.nexo.codec;

import io.tillgate.core.money.Money;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * Converts nexo decimal amounts ({@code 120.50}, major units, {@code .} as separator) to
 * {@link Money} and back, through {@link BigDecimal} only.
 */
public final class NexoAmounts {

    /** The XSD's upper bound, 99999999.999999. */
    private static final BigDecimal MAX = new BigDecimal("99999999.999999");

    private NexoAmounts() {
    }

    /**
     * The amount in minor units of {@code currencyCode}.
     *
     * @param element the element path of the amount, for the failure
     * @throws NexoDecodingException naming {@code element} when the currency is not ISO 4217, the
     *     amount is negative or too large, or has more decimals than the currency's exponent
     */
    public static Money toMoney(BigDecimal amount, String currencyCode, String element) {
        Currency currency;
        try {
            currency = Money.currency(currencyCode);
        } catch (IllegalArgumentException e) {
            throw NexoDecodingException.invalid(currencyElement(element), e.getMessage());
        }
        if (amount.signum() < 0 || amount.compareTo(MAX) > 0) {
            throw NexoDecodingException.invalid(element, "'" + amount.toPlainString()
                    + "' is outside 0..99999999.999999");
        }
        try {
            return Money.ofMajor(amount.stripTrailingZeros(), currency);
        } catch (ArithmeticException e) {
            throw NexoDecodingException.invalid(element, e.getMessage());
        }
    }

    /** The amount as nexo writes it: major units with exactly the currency's decimals. */
    public static BigDecimal toDecimal(Money money) {
        return money.toMajor();
    }

    private static String currencyElement(String amountElement) {
        int at = amountElement.lastIndexOf('@');
        return (at < 0 ? amountElement : amountElement.substring(0, at)) + "@Currency";
    }
}
