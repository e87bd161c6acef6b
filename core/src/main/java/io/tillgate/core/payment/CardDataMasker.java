package io.tillgate.core.payment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks anything in free text that could be a card number, so a log line or an exception message
 * cannot leak one even when a caller made a mistake.
 *
 * <p>A run of 13 to 19 digits (optionally grouped by single spaces or dashes) that stands alone —
 * not inside a word such as a hex transaction id — keeps its first 6 and last 4 digits. Such a run
 * is treated as a PAN whether or not its Luhn digit checks out: over-masking a log line costs
 * little, under-masking costs a breach.
 */
public final class CardDataMasker {

    private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9A-Za-z])[0-9](?:[ -]?[0-9]){12,18}(?![0-9A-Za-z])");

    private CardDataMasker() {
    }

    public static String mask(String text) {
        if (text == null || text.length() < 13) {
            return text;
        }
        Matcher m = CANDIDATE.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String digits = m.group().replaceAll("[ -]", "");
            m.appendReplacement(out, MaskedPan.of(digits).value());
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
