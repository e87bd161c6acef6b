package io.tillgate.app.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as operators write them in configuration: {@code 500ms}, {@code 30s}, {@code 3m}, {@code 24h}. */
public final class DurationText {

    private static final Pattern FORM = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");

    private DurationText() {
    }

    public static Duration parse(String key, String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new ConfigException(key, "'" + text + "' is not a duration (write e.g. 500ms, 30s, 3m, 24h)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
