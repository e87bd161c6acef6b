package io.tillgate.ipp.codec;

import io.tillgate.core.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/**
 * Money at the IPP edge (docs/protocols/ipp.md §10): AMOUNT as decimal major units with the currency's exponent
 * ({@code 12.50}), CURRENCY as the ISO 4217 numeric code ({@code 978}).
 */
public final class IppAmount {

    private static final Map<Integer, Currency> BY_NUMERIC = new HashMap<>();

    static {
        for (Currency currency : Currency.getAvailableCurrencies()) {
            // Several historic codes share a number; the JDK's current one has a minor unit.
            if (currency.getDefaultFractionDigits() >= 0) {
                BY_NUMERIC.merge(currency.getNumericCode(), currency, (a, b) -> a.getCurrencyCode()
                        .compareTo(b.getCurrencyCode()) <= 0 ? a : b);
            }
        }
    }

    private IppAmount() {
    }

    /** {@code 12.50} for 1250 EUR minor units. */
    public static String format(Money money) {
        return money.toMajor().toPlainString();
    }

    /** {@code 978} for EUR, zero-padded to three digits. */
    public static String currencyCode(Currency currency) {
        return String.format("%03d", currency.getNumericCode());
    }

    /** @throws IppDecodingException naming CURRENCY when the code is not ISO 4217 numeric */
    public static Currency currency(String numeric) {
        if (numeric == null) {
            throw new IppDecodingException(IppNames.CURRENCY, "missing", IppStatus.SYNTAX_ERROR);
        }
        Currency currency = numeric.length() == 3 ? BY_NUMERIC.get(parseDigits(IppNames.CURRENCY, numeric)) : null;
        if (currency == null) {
            throw new IppDecodingException(IppNames.CURRENCY, "'" + numeric + "' is not an ISO 4217 numeric code",
                    IppStatus.UNSUPPORTED_PARAMETER);
        }
        return currency;
    }

    /**
     * Parses an amount property in the given currency.
     *
     * @throws IppDecodingException naming the property when it is not a positive decimal with at most
     *     the currency's exponent digits; its answer is STATUS 19 (invalid amount)
     */
    public static Money parse(String property, String amount, Currency currency) {
        if (amount == null) {
            throw new IppDecodingException(property, "missing", IppStatus.SYNTAX_ERROR);
        }
        int dot = amount.indexOf('.');
        boolean wellFormed = amount.length() > 0 && amount.length() <= 15 && dot != 0 && dot != amount.length() - 1
                && amount.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.')
                && amount.indexOf('.', dot + 1) < 0;
        if (!wellFormed) {
            throw new IppDecodingException(property, "'" + amount + "' is not a decimal amount",
                    IppStatus.INVALID_AMOUNT);
        }
        try {
            Money money = Money.ofMajor(new BigDecimal(amount), currency);
            if (!money.isPositive()) {
                throw new IppDecodingException(property, "must be positive, was " + amount, IppStatus.INVALID_AMOUNT);
            }
            return money;
        } catch (ArithmeticException e) {
            throw new IppDecodingException(property, "'" + amount + "' has more decimals than "
                    + currency.getCurrencyCode() + " allows", IppStatus.INVALID_AMOUNT);
        }
    }

    private static int parseDigits(String property, String digits) {
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw new IppDecodingException(property, "'" + digits + "' is not numeric",
                        IppStatus.UNSUPPORTED_PARAMETER);
            }
        }
        return Integer.parseInt(digits);
    }
}
