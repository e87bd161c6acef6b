package io.tillgate.nexo.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile and broken documents are refused cleanly, naming what is wrong and never echoing them. */
@Timeout(10)
class NexoHostileInputTest {

    private static final String HEADER = "<MessageHeader MessageClass=\"Service\" MessageCategory=\"Payment\" "
            + "MessageType=\"Request\" ServiceID=\"7\" SaleID=\"POS7\" POIID=\"SHOP1-POS7\"/>";

    private final NexoCodec codec = new NexoCodec(4096);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void externalEntityIsNotResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<SaleToPOIRequest>" + HEADER + "<PaymentRequest><SaleData><SaleTransactionID TransactionID=\"&xxe;\""
                + " TimeStamp=\"t\"/></SaleData></PaymentRequest></SaleToPOIRequest>";
        assertThatThrownBy(() -> codec.decodeRequest(utf8(xxe)))
                .isInstanceOfSatisfying(NexoDecodingException.class,
                        e -> assertThat(e.kind()).isEqualTo(NexoDecodingException.Kind.NOT_WELL_FORMED))
                .hasMessageNotContaining("root:");
    }

    @Test
    void billionLaughsIsNotExpanded() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10)).append("\">");
        }
        dtd.append("]><SaleToPOIRequest>").append(HEADER).append("<LogoutRequest>&lol9;</LogoutRequest>")
                .append("</SaleToPOIRequest>");
        long started = System.nanoTime();
        assertThatThrownBy(() -> new NexoCodec().decodeRequest(utf8(dtd.toString())))
                .isInstanceOfSatisfying(NexoDecodingException.class,
                        e -> assertThat(e.kind()).isEqualTo(NexoDecodingException.Kind.NOT_WELL_FORMED));
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }

    /** The DOCTYPE scan reads UTF-8: a UTF-16 document is transcoded for it first. */
    @Test
    void aDoctypeIsRefusedInAUtf16DocumentToo() {
        String xxe = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "
                + "\"file:///etc/passwd\"><!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;\">]>"
                + "<SaleToPOIRequest>" + HEADER + "<PaymentRequest><SaleData><SaleTransactionID TransactionID=\"&xxe;"
                + "&lol1;\" TimeStamp=\"t\"/></SaleData></PaymentRequest></SaleToPOIRequest>";
        assertThatThrownBy(() -> codec.decodeRequest(xxe.getBytes(StandardCharsets.UTF_16)))
                .isInstanceOfSatisfying(NexoDecodingException.class,
                        e -> assertThat(e.kind()).isEqualTo(NexoDecodingException.Kind.NOT_WELL_FORMED))
                .hasMessageContaining("DOCTYPE");
    }

    /** Without a DOCTYPE the parser sees the reference, and refuses it rather than expand it. */
    @Test
    void anEntityReferenceIsRefusedByTheParser() {
        String xml = "<SaleToPOIRequest>" + HEADER.replace("Payment", "Logout") + "<LogoutRequest>&xxe;</LogoutRequest>"
                + "</SaleToPOIRequest>";
        for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16)) {
            assertThatThrownBy(() -> codec.decodeRequest(xml.getBytes(charset))).as(charset.name())
                    .isInstanceOfSatisfying(NexoDecodingException.class,
                            e -> assertThat(e.kind()).isEqualTo(NexoDecodingException.Kind.NOT_WELL_FORMED));
        }
    }

    @Test
    void aUtf16DocumentWithoutADtdIsRead() {
        String logout = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><SaleToPOIRequest>"
                + HEADER.replace("Payment", "Logout") + "<LogoutRequest/></SaleToPOIRequest>";
        for (Charset utf16 : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            assertThat(codec.decodeRequest(logout.getBytes(utf16)).body()).as(utf16.name())
                    .isInstanceOf(LogoutRequest.class);
        }
    }

    @Test
    void deeplyNestedContentIsRefusedNamingTheDepth() {
        String deep = "<X>".repeat(9000) + "</X>".repeat(9000);
        String xml = "<SaleToPOIRequest>" + HEADER + "<LogoutRequest>" + deep + "</LogoutRequest></SaleToPOIRequest>";
        assertThatThrownBy(() -> new NexoCodec().decodeRequest(utf8(xml)))
                .isInstanceOf(NexoDecodingException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void oversizeBodyIsRefusedBeforeParsing() {
        byte[] big = new byte[4097];
        assertThatThrownBy(() -> codec.decodeRequest(big))
                .isInstanceOfSatisfying(NexoDecodingException.class,
                        e -> assertThat(e.kind()).isEqualTo(NexoDecodingException.Kind.TOO_LARGE))
                .hasMessage("document of 4097 bytes exceeds the maximum of 4096 bytes");
    }

    @Test
    void notWellFormedXml() {
        assertThatThrownBy(() -> codec.decodeRequest(utf8("<SaleToPOIRequest><MessageHeader")))
                .isInstanceOfSatisfying(NexoDecodingException.class, e -> {
                    assertThat(e.kind()).isEqualTo(NexoDecodingException.Kind.NOT_WELL_FORMED);
                    assertThat(e.header()).isEmpty();
                });
    }

    @Test
    void missingRequiredElementIsNamedAndKeepsTheHeader() {
        String xml = "<SaleToPOIRequest>" + HEADER + "<PaymentRequest><SaleData><SaleTransactionID "
                + "TransactionID=\"A\" TimeStamp=\"t\"/></SaleData></PaymentRequest></SaleToPOIRequest>";
        assertThatThrownBy(() -> codec.decodeRequest(utf8(xml)))
                .isInstanceOfSatisfying(NexoDecodingException.class, e -> {
                    assertThat(e.kind()).isEqualTo(NexoDecodingException.Kind.INVALID);
                    assertThat(e.element()).isEqualTo("PaymentRequest/PaymentTransaction");
                    assertThat(e.header()).hasValueSatisfying(h -> assertThat(h.serviceId()).isEqualTo("7"));
                });
    }

    @Test
    void badValueIsNamedByItsPathAndKeepsTheHeader() {
        String xml = "<SaleToPOIRequest>" + HEADER + "<PaymentRequest><PaymentData PaymentType=\"Barter\"/>"
                + "</PaymentRequest></SaleToPOIRequest>";
        assertThatThrownBy(() -> codec.decodeRequest(utf8(xml)))
                .isInstanceOfSatisfying(NexoDecodingException.class, e -> {
                    assertThat(e.kind()).isEqualTo(NexoDecodingException.Kind.INVALID);
                    assertThat(e.element()).isEqualTo("PaymentRequest/PaymentData/PaymentType");
                    assertThat(e.getMessage()).contains("unknown PaymentType 'Barter'");
                    assertThat(e.header()).isPresent();
                });
    }

    @Test
    void anUnparseableValueIsNamedButNotQuoted() {
        String xml = "<SaleToPOIRequest>" + HEADER + "<PaymentRequest><PaymentTransaction><AmountsReq Currency=\"SEK\" "
                + "RequestedAmount=\"12x34y56z78\"/></PaymentTransaction></PaymentRequest></SaleToPOIRequest>";
        assertThatThrownBy(() -> codec.decodeRequest(utf8(xml)))
                .isInstanceOfSatisfying(NexoDecodingException.class, e -> {
                    assertThat(e.element()).isEqualTo("PaymentRequest/PaymentTransaction/AmountsReq/RequestedAmount");
                    assertThat(e.getMessage()).endsWith("not a valid BigDecimal (11 chars)")
                            .doesNotContain("12x34");
                });
    }

    @Test
    void bodyMustMatchTheHeaderCategory() {
        String xml = "<SaleToPOIRequest>" + HEADER + "<LogoutRequest/></SaleToPOIRequest>";
        assertThatThrownBy(() -> codec.decodeRequest(utf8(xml)))
                .isInstanceOfSatisfying(NexoDecodingException.class, e ->
                        assertThat(e.element()).isEqualTo("SaleToPOIRequest/MessageHeader@MessageCategory"));
    }

    @Test
    void missingBodyIsNamedAfterTheCategory() {
        String xml = "<SaleToPOIRequest>" + HEADER + "</SaleToPOIRequest>";
        assertThatThrownBy(() -> codec.decodeRequest(utf8(xml)))
                .isInstanceOfSatisfying(NexoDecodingException.class, e ->
                        assertThat(e.element()).isEqualTo("SaleToPOIRequest/PaymentRequest"));
    }

    @Test
    void amountWithTooManyDecimalsIsNamed() {
        assertThatThrownBy(() -> NexoAmounts.toMoney(new java.math.BigDecimal("1.005"), "SEK",
                "PaymentRequest/PaymentTransaction/AmountsReq@RequestedAmount"))
                .isInstanceOfSatisfying(NexoDecodingException.class, e -> assertThat(e.element())
                        .isEqualTo("PaymentRequest/PaymentTransaction/AmountsReq@RequestedAmount"));
        assertThatThrownBy(() -> NexoAmounts.toMoney(java.math.BigDecimal.ONE, "XYZ",
                "PaymentRequest/PaymentTransaction/AmountsReq@RequestedAmount"))
                .isInstanceOfSatisfying(NexoDecodingException.class, e -> assertThat(e.element())
                        .isEqualTo("PaymentRequest/PaymentTransaction/AmountsReq@Currency"));
    }
}
