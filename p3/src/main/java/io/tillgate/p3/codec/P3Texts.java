package io.tillgate.p3.codec;

/** Bounds what peer-supplied text may reach an exception message or a log line. */
final class P3Texts {

    static final int MAX_ECHO = 40;

    private P3Texts() {
    }

    /** The value shortened to {@value #MAX_ECHO} characters, control characters escaped. */
    static String clip(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_ECHO) + 8);
        for (int i = 0; i < value.length(); i++) {
            if (out.length() >= MAX_ECHO) {
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
