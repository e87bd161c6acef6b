package io.tillgate.nexo.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How slightly odd documents read, pinned, so that terminals sending them see no change when the
 * codec or its XML library changes.
 */
@Timeout(10)
class NexoLenientReadingTest {

    private static final String HEADER = "<MessageHeader MessageClass=\"Service\" MessageCategory=\"Payment\" "
            + "MessageType=\"Response\" ServiceID=\"7\" SaleID=\"POS7\" POIID=\"P\"/>";
    private static final String OK = "<Response Result=\"Success\"/>";

    private final NexoCodec codec = new NexoCodec();

    private PaymentResponse payment(String body) {
        return codec.decodeResponse(("<SaleToPOIResponse>" + HEADER + "<PaymentResponse>" + body
                + "</PaymentResponse></SaleToPOIResponse>").getBytes(StandardCharsets.UTF_8)).body(PaymentResponse.class);
    }

    @Test
    void numbersAndFlagsAreTrimmedAndEmptyMeansAbsent() {
        assertThat(payment(OK + "<PaymentResult><AmountsResp Currency=\"SEK\" AuthorizedAmount=\" 1.50 \" "
                + "CashBackAmount=\"\"/></PaymentResult>").paymentResult().amountsResp())
                .isEqualTo(new AmountsResp("SEK", new BigDecimal("1.50"), null, null));
        PaymentReceipt receipt = payment(OK + "<PaymentReceipt DocumentQualifier=\"CashierReceipt\" "
                + "IntegratedPrintFlag=\"True\" RequiredSignatureFlag=\"\"/>").paymentReceipt().get(0);
        assertThat(receipt.integratedPrintFlag()).isTrue();
        assertThat(receipt.requiredSignatureFlag()).isNull();
    }

    @Test
    void aBadFlagOrCodeIsNamedByItsPath() {
        assertThatThrownBy(() -> payment(OK + "<PaymentReceipt IntegratedPrintFlag=\"yes\"/>"))
                .isInstanceOfSatisfying(NexoDecodingException.class, e -> {
                    assertThat(e.element()).isEqualTo("PaymentResponse/PaymentReceipt/IntegratedPrintFlag");
                    assertThat(e.getMessage()).endsWith("not a valid Boolean (3 chars)");
                    assertThat(e.header()).isPresent();
                });
        assertThatThrownBy(() -> payment("<Response Result=\"\"/>"))
                .isInstanceOfSatisfying(NexoDecodingException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("PaymentResponse/Response/Result: unknown Result ''"));
    }

    @Test
    void textKeepsItsWhitespaceAndEmptyElementsAreEmptyStrings() {
        assertThat(payment("<Response Result=\"Success\"><AdditionalResponse>  a b  </AdditionalResponse>"
                + "</Response>").response().additionalResponse()).isEqualTo("  a b  ");
        assertThat(payment("<Response Result=\"Success\"><AdditionalResponse/></Response>").response()
                .additionalResponse()).isEmpty();
        assertThat(payment("<Response Result=\"Success\"><AdditionalResponse>a&amp;b<![CDATA[<c>]]></AdditionalResponse>"
                + "</Response>").response().additionalResponse()).isEqualTo("a&b<c>");
        OutputContent content = payment(OK + "<PaymentReceipt><OutputContent><OutputText/><OutputText>   </OutputText>"
                + "<OutputText> x </OutputText></OutputContent></PaymentReceipt>").paymentReceipt().get(0).outputContent();
        assertThat(content.outputText()).extracting(OutputText::text).containsExactly(null, null, " x ");
    }

    @Test
    void anEmptyElementIsAnObjectWithNothingSet() {
        assertThat(payment(OK + "<SaleData/>").saleData()).isEqualTo(new SaleData(null, null, null, null, null));
    }

    @Test
    void textWhereAnElementHasChildrenIsNamed() {
        assertThatThrownBy(() -> payment(OK + "<SaleData>abc</SaleData>"))
                .isInstanceOfSatisfying(NexoDecodingException.class, e -> {
                    assertThat(e.element()).isEqualTo("PaymentResponse/SaleData");
                    assertThat(e.header()).isPresent();
                });
    }

    @Test
    void theLastOfARepeatedSingleElementWins() {
        assertThat(payment("<Response Result=\"Failure\"/>" + OK).response().result()).isEqualTo(Result.SUCCESS);
    }

    @Test
    void theRootNameIsNotCheckedAndTheHeaderMayFollowTheBody() {
        String xml = "<Anything><PaymentResponse>" + OK + "</PaymentResponse>" + HEADER + "</Anything>";
        assertThat(codec.decodeResponse(xml.getBytes(StandardCharsets.UTF_8)).header().serviceId()).isEqualTo("7");
        String bad = "<SaleToPOIResponse><PaymentResponse><Response Result=\"Bad\"/></PaymentResponse>" + HEADER
                + "</SaleToPOIResponse>";
        assertThatThrownBy(() -> codec.decodeResponse(bad.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(NexoDecodingException.class, e -> assertThat(e.header()).isPresent());
    }

    @Test
    void twoDifferentBodiesAreRefused() {
        String xml = "<SaleToPOIResponse>" + HEADER + "<PaymentResponse>" + OK + "</PaymentResponse><LoginResponse>"
                + OK + "</LoginResponse></SaleToPOIResponse>";
        assertThatThrownBy(() -> codec.decodeResponse(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(NexoDecodingException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("SaleToPOIResponse: carries 2 bodies, expected one"));
    }
}
