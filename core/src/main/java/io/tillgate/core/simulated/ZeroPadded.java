package io.tillgate.core.simulated;

/**
 * Digits left-padded with zeros, as {@code %0Nd} and {@code %0NX} print them: a simulated terminal
 * makes a card number and two references for every transaction, and {@link String#format} builds a
 * formatter, parses its pattern and looks up the locale's digits each time.
 */
final class ZeroPadded {

    private static final String ZEROS = "0000000000000000";

    private ZeroPadded() {
    }

    /** {@code value} in decimal, at least {@code width} digits ({@code value} ≥ 0, width ≤ 16). */
    static String decimal(long value, int width) {
        return pad(Long.toString(value), width);
    }

    /** {@code value} in upper-case hexadecimal, at least {@code width} digits ({@code value} ≥ 0, width ≤ 16). */
    static String hex(int value, int width) {
        return pad(Integer.toHexString(value).toUpperCase(java.util.Locale.ROOT), width);
    }

    private static String pad(String digits, int width) {
        return digits.length() >= width ? digits : ZEROS.substring(0, width - digits.length()).concat(digits);
    }
}
