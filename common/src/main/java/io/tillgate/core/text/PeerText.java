package io.tillgate.core.text;

/**
 * Bounds what text from a POS or a terminal may reach an exception message, a protocol error or a
 * log line: a peer's identifier is quoted so an operator can find it, but never at length, and
 * never with control characters that could forge log lines.
 */
public final class PeerText {

    /** Enough to recognise an order number, a tag or a SID. */
    public static final int MAX = 40;

    private PeerText() {
    }

    /** The value cut to {@value #MAX} characters (saying how long it was), control characters escaped. */
    public static String clip(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX) + 16);
        for (int i = 0; i < value.length(); i++) {
            if (out.length() >= MAX) {
                return out.append("…(").append(value.length()).append(" chars)").toString();
            }
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
