package io.tillgate.concert.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * One ticket of an answer: a {@code ZT} holding {@code CK} (which copy, text or HTML) and {@code AK}
 * (the ticket, base64 of Latin-1 text or of HTML).
 *
 * @param mode the {@code CK} inside the {@code ZT}
 * @param data the {@code AK} value, base64
 */
public record Ticket(TicketMode mode, String data) {

    /** Base64 characters an {@code AK} holds at most. */
    public static final int MAX_DATA_LENGTH = ConcertTag.AK.maxLength();

    public Ticket {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(data, "data");
    }

    /** Encodes text lines as a Latin-1 ticket. */
    public static Ticket ofLines(TicketMode.Copies copy, List<String> lines) {
        String text = String.join("\n", lines);
        String data = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.ISO_8859_1));
        return new Ticket(new TicketMode(true, copy, false), data);
    }

    /** Which copy this ticket is. */
    public TicketMode.Copies copy() {
        return mode.copies();
    }

    /**
     * The ticket as printable lines: base64 decoded as Latin-1; HTML reduced to its text with a
     * line per {@code <br>} or closed block.
     *
     * @throws ConcertDecodingException when {@code AK} is not base64
     */
    public List<String> lines() {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw ConcertDecodingException.invalid("AK", "ticket data is not base64 (" + e.getMessage() + ")");
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (mode.html()) {
            text = HtmlText.toPlainText(text);
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            lines.add(line.stripTrailing());
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** The {@code ZT} item. */
    public TlvItem.Constructed toItem() {
        return new TlvItem.Constructed(ConcertTag.ZT.code(),
                List.of(TlvItem.of(ConcertTag.CK, mode.code()), TlvItem.of(ConcertTag.AK, data)));
    }

    /**
     * @throws ConcertDecodingException naming {@code CK} or {@code AK} when one is missing
     */
    public static Ticket fromItem(TlvItem.Constructed zt) {
        String ck = zt.value(ConcertTag.CK);
        String ak = zt.value(ConcertTag.AK);
        if (ck == null) {
            throw ConcertDecodingException.missing("CK", "every ZT names its copy");
        }
        if (ak == null) {
            throw ConcertDecodingException.missing("AK", "every ZT carries its ticket");
        }
        return new Ticket(TicketMode.fromCode(ck), ak);
    }

    @Override
    public String toString() {
        return "Ticket[" + mode.code() + ", " + data.length() + " base64 chars]";
    }
}
