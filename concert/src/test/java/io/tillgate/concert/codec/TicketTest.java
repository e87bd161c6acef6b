package io.tillgate.concert.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TicketTest {

    @Test
    void latin1TextBecomesLines() {
        String text = "CARTE BANCAIRE\r\nMontant: 12,50 \u20AC\nR\u00E9f\u00E9rence 42\n\n";
        String data = Base64.getEncoder().encodeToString(text.replace('\u20AC', 'E').getBytes(StandardCharsets.ISO_8859_1));
        Ticket ticket = Ticket.fromItem(new TlvItem.Constructed("ZT", List.of(
                new TlvItem.Simple("CK", "100"), new TlvItem.Simple("AK", data))));

        assertThat(ticket.copy()).isEqualTo(TicketMode.Copies.CUSTOMER);
        assertThat(ticket.lines()).containsExactly("CARTE BANCAIRE", "Montant: 12,50 E", "R\u00E9f\u00E9rence 42");
    }

    @Test
    void htmlBecomesTextLines() {
        String html = "<html><body><p>TICKET&nbsp;CLIENT</p><div>Total <b>12,50</b> &euro;<br/>Merci &amp; \u00E0 bient\u00F4t</div>"
                + "</body></html>";
        Ticket ticket = new Ticket(TicketMode.fromCode("111"),
                Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(ticket.copy()).isEqualTo(TicketMode.Copies.MERCHANT);
        assertThat(ticket.lines()).containsExactly("TICKET CLIENT", "Total 12,50 \u20AC", "Merci & \u00E0 bient\u00F4t");
    }

    @Test
    void linesRoundTripThroughAZt() {
        Ticket ticket = Ticket.ofLines(TicketMode.Copies.MERCHANT, List.of("Demo Shop", "Payment", "12.50 EUR"));
        TlvMessage message = TlvMessage.of(TlvItem.of(ConcertTag.CZ, "0320"), ticket.toItem());

        TlvMessage decoded = TlvDecoder.decode(TlvEncoder.encode(message));

        Ticket back = Ticket.fromItem(decoded.constructed(ConcertTag.ZT).get(0));
        assertThat(back).isEqualTo(ticket);
        assertThat(back.lines()).containsExactly("Demo Shop", "Payment", "12.50 EUR");
    }

    @Test
    void badBase64IsADecodingError() {
        assertThatThrownBy(() -> new Ticket(TicketMode.fromCode("100"), "@@@@").lines())
                .isInstanceOf(ConcertDecodingException.class).hasMessageStartingWith("AK: ticket data is not base64");
    }

    @Test
    void aZtWithoutAkIsRefused() {
        assertThatThrownBy(() -> Ticket.fromItem(new TlvItem.Constructed("ZT", List.of(new TlvItem.Simple("CK", "100")))))
                .hasMessage("missing AK (every ZT carries its ticket)");
    }
}
