package io.tillgate.app.cli;

import io.tillgate.core.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Reads {@code --amount} and {@code --currency} into {@link Money}, refusing what they cannot mean. */
final class Amounts {

    private Amounts() {
    }

    /**
     * @throws ParameterException (a usage error) for an unknown currency, a non-number, an amount
     *     that is not positive, or more decimals than the currency has
     */
    static Money parse(CommandLine commandLine, String amount, String currencyCode) {
        Currency currency;
        try {
            currency = Money.currency(currencyCode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, "--currency: " + e.getMessage());
        }
        BigDecimal major;
        try {
            major = new BigDecimal(amount);
        } catch (NumberFormatException e) {
            throw new ParameterException(commandLine, "--amount: '" + amount + "' is not a number (write e.g. 12.34)");
        }
        if (major.signum() <= 0) {
            throw new ParameterException(commandLine, "--amount must be positive, got " + amount);
        }
        if (major.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw new ParameterException(commandLine, "--amount " + amount + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + currency.getDefaultFractionDigits() + ")");
        }
        try {
            return Money.ofMajor(major, currency);
        } catch (ArithmeticException e) {
            throw new ParameterException(commandLine, "--amount " + amount + " is too large");
        }
    }
}
