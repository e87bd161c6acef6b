package io.tillgate.journal.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Receipts and raw result codes as readable text columns: one line per receipt line or per
 * {@code key=value} code. Backslash, carriage return and line feed are escaped (and {@code =} in
 * codes), so what is read back is exactly what was written. An empty list or map is SQL NULL.
 */
final class TextLines {

    private TextLines() {
    }

    static String joinLines(List<String> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        List<String> escaped = new ArrayList<>(lines.size());
        for (String line : lines) {
            escaped.add(escape(line, false));
        }
        return String.join("\n", escaped);
    }

    static List<String> splitLines(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(unescape(line, 0, line.length()));
        }
        return lines;
    }

    /** Codes sorted by key, so the same map always gives the same text. */
    static String joinCodes(Map<String, String> codes) {
        if (codes.isEmpty()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        new TreeMap<>(codes).forEach((key, value) -> lines.add(escape(key, true) + '=' + escape(value, true)));
        return String.join("\n", lines);
    }

    static Map<String, String> splitCodes(String text) {
        if (text == null) {
            return Map.of();
        }
        Map<String, String> codes = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            int equals = unescapedEquals(line);
            if (equals < 0) {
                throw new IllegalArgumentException("raw result code line without '='");
            }
            codes.put(unescape(line, 0, equals), unescape(line, equals + 1, line.length()));
        }
        return codes;
    }

    private static String escape(String text, boolean escapeEquals) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '=' -> out.append(escapeEquals ? "\\=" : "=");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String unescape(String text, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == to) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            out.append(switch (next) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> next;
            });
        }
        return out.toString();
    }

    private static int unescapedEquals(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=') {
                return i;
            }
        }
        return -1;
    }
}
