package io.tillgate.app.logging;

import ch.qos.logback.core.PropertyDefinerBase;
import java.util.Locale;

/**
 * The log format an operator asked for ({@code TILLGATE_LOG_FORMAT}), as {@code logback.xml} names
 * the console appender it includes: {@code text} or {@code json}, in any case. Any other value logs
 * text, with a warning on Logback's status output, rather than naming a file that is not there and
 * logging nothing at all.
 */
public final class LogFormatProperty extends PropertyDefinerBase {

    /** One human-readable line per event. */
    public static final String TEXT = "text";
    /** One JSON object per event. */
    public static final String JSON = "json";

    private String format = "text";

    /** Set from the configuration's {@code <format>} element. */
    public void setFormat(String format) {
        this.format = format;
    }

    @Override
    public String getPropertyValue() {
        String asked = format.trim().toLowerCase(Locale.ROOT);
        if (asked.equals(JSON)) {
            return JSON;
        }
        if (!asked.equals(TEXT)) {
            addWarn("TILLGATE_LOG_FORMAT '" + format + "' is neither text nor json; logging text");
        }
        return TEXT;
    }
}
