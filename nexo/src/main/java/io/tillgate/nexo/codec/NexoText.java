package io.tillgate.nexo.codec;

import io.tillgate.core.text.PeerText;

/** Keeps values quoted in exception messages and logs short. */
public final class NexoText {

    private NexoText() {
    }

    /** The value, cut to a length that names it without flooding a log line (one rule for every peer). */
    public static String clip(String value) {
        return PeerText.clip(value);
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
