package io.tillgate.core.payment;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A primary account number that shows at most its first 6 and last 4 digits
 * ({@code 516815******9659}). The constructor refuses anything that could be a full PAN, so a value
 * of this type is always safe to log, store and send.
 */
public record MaskedPan(String value) {

    private static final Pattern MASKED = Pattern.compile("[0-9]{0,6}\\*+[0-9]{0,4}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{12,19}");

    public MaskedPan {
        Objects.requireNonNull(value, "value");
        if (!MASKED.matcher(value).matches()) {
            throw new IllegalArgumentException("not a masked PAN (first 6 + last 4 digits at most, length "
                    + value.length() + ")");
        }
    }

    /** Masks a full PAN to first 6 + last 4; the PAN itself never appears in an exception. */
    public static MaskedPan of(String fullPan) {
        Objects.requireNonNull(fullPan, "pan");
        if (!DIGITS.matcher(fullPan).matches()) {
            throw new IllegalArgumentException("a PAN has 12 to 19 digits (got " + fullPan.length() + " characters)");
        }
        return new MaskedPan(fullPan.substring(0, 6) + "*".repeat(fullPan.length() - 10)
                + fullPan.substring(fullPan.length() - 4));
    }

    public String lastFour() {
        int star = value.lastIndexOf('*');
        return value.substring(star + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
