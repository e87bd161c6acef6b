package io.tillgate.concert.codec;

import java.util.Locale;

/** Reduces a ticket's HTML to text lines: tags dropped, line breaks kept, common entities resolved. */
final class HtmlText {

    private HtmlText() {
    }

    static String toPlainText(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int close = html.indexOf('>', i);
                if (close < 0) {
                    break;
                }
                if (breaksLine(html.substring(i + 1, close))) {
                    out.append('\n');
                }
                i = close + 1;
            } else if (c == '&') {
                int semi = html.indexOf(';', i);
                String entity = semi > i && semi - i <= 8 ? html.substring(i + 1, semi) : null;
                String resolved = entity == null ? null : entity(entity);
                out.append(resolved == null ? "&" : resolved);
                i = resolved == null ? i + 1 : semi + 1;
            } else if (c != '\r' && c != '\n') {
                // Source line breaks are layout in HTML, not text.
                out.append(c);
                i++;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static boolean breaksLine(String tag) {
        boolean closing = tag.startsWith("/");
        int start = closing ? 1 : 0;
        int end = start;
        while (end < tag.length() && Character.isLetterOrDigit(tag.charAt(end))) {
            end++;
        }
        String name = tag.substring(start, end).toLowerCase(Locale.ROOT);
        boolean heading = name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6';
        return name.equals("br") || (closing && (heading || name.equals("p") || name.equals("div")
                || name.equals("tr") || name.equals("li")));
    }

    private static String entity(String name) {
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos", "#39" -> "'";
            case "nbsp" -> " ";
            case "euro" -> "\u20AC";
            default -> null;
        };
    }
}
