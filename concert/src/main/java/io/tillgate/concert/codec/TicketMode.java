package io.tillgate.concert.codec;

import java.util.Objects;

/**
 * {@code CK}, ticket management (docs/protocols/concert.md §4.5): three positions. In a request it asks for
 * tickets; inside a {@code ZT} it says which copy the ticket is and how it is encoded.
 *
 * @param returned position 1: the POS prints, so tickets come back in {@code ZT}
 * @param copies position 2: which copies
 * @param html position 3: HTML rather than Latin-1 text, both base64
 */
public record TicketMode(boolean returned, Copies copies, boolean html) {

    /** Position 2 of {@code CK}. */
    public enum Copies {
        CUSTOMER,
        MERCHANT,
        BOTH
    }

    public TicketMode {
        Objects.requireNonNull(copies, "copies");
    }

    public String code() {
        return new String(new char[] {returned ? '1' : '0', (char) ('0' + copies.ordinal()), html ? '1' : '0'});
    }

    /**
     * @throws ConcertDecodingException naming the value when a position is out of range
     */
    public static TicketMode fromCode(String code) {
        if (code == null || code.length() != 3 || (code.charAt(0) != '0' && code.charAt(0) != '1')
                || code.charAt(1) < '0' || code.charAt(1) > '2' || (code.charAt(2) != '0' && code.charAt(2) != '1')) {
            throw ConcertDecodingException.invalid("CK", "ticket management '" + code
                    + "' is not [01][012][01]");
        }
        return new TicketMode(code.charAt(0) == '1', Copies.values()[code.charAt(1) - '0'], code.charAt(2) == '1');
    }
}
