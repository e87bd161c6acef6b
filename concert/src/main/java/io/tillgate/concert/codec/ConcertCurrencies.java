package io.tillgate.concert.codec;

import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/** {@code CE} ⇄ {@link Currency}: ISO 4217 numeric codes as the JDK knows them. */
public final class ConcertCurrencies {

    private static final Map<String, Currency> BY_NUMERIC = new HashMap<>();

    static {
        for (Currency currency : Currency.getAvailableCurrencies()) {
            // Funds and test codes (XXX, XTS) have no minor unit and cannot carry an amount.
            if (currency.getNumericCode() > 0 && currency.getDefaultFractionDigits() >= 0) {
                BY_NUMERIC.putIfAbsent(currency.getNumericCodeAsString(), currency);
            }
        }
    }

    private ConcertCurrencies() {
    }

    /**
     * @throws ConcertDecodingException ({@link ConcertDecodingException.Problem#UNKNOWN_CURRENCY}) naming the code
     */
    public static Currency fromCode(String numeric) {
        Currency currency = numeric == null ? null : BY_NUMERIC.get(numeric);
        if (currency == null) {
            throw new ConcertDecodingException(ConcertDecodingException.Problem.UNKNOWN_CURRENCY, "CE", -1,
                    "CE: '" + numeric + "' is not an ISO 4217 currency with a minor unit");
        }
        return currency;
    }

    /** The three-digit code, e.g. {@code 978}. */
    public static String code(Currency currency) {
        return currency.getNumericCodeAsString();
    }
}
