package io.tillgate.nexo.codec;

/** Keeps values quoted in exception messages and logs short. */
public final class NexoText {

    private static final int MAX = 40;

    private NexoText() {
    }

    /** The value, cut to a length that names it without flooding a log line. */
    public static String clip(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= MAX ? value : value.substring(0, MAX) + "…(" + value.length() + " chars)";
    }

    /** The first line of a parser message, clipped; parser messages can quote input at length. */
    public static String clipLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() <= 160 ? line : line.substring(0, 160) + "…";
    }
}
