package io.tillgate.core.simulated;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.CardScheme;
import io.tillgate.core.payment.MaskedPan;

/**
 * The synthetic card a simulated customer presents, derived from the amount so that tests and
 * demos agree. The full number is built, Luhn-checked and masked here and never leaves this class.
 */
record SimulatedCard(MaskedPan maskedPan, CardScheme scheme) {

    private static final String[] PREFIXES = {"476173", "516815", "676770"};
    private static final CardScheme[] SCHEMES = {CardScheme.VISA, CardScheme.MASTERCARD, CardScheme.MAESTRO};

    static SimulatedCard forAmount(Money amount) {
        int brand = (int) Math.floorMod(amount.minorUnits() / 100, 3L);
        String body = PREFIXES[brand] + ZeroPadded.decimal(Math.floorMod(amount.minorUnits() * 7919L, 1_000_000_000L), 9);
        return forPan(body + luhnCheckDigit(body), SCHEMES[brand]);
    }

    static SimulatedCard forPan(String pan, CardScheme scheme) {
        return new SimulatedCard(MaskedPan.of(pan), scheme);
    }

    static int luhnCheckDigit(String digits) {
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }
}
