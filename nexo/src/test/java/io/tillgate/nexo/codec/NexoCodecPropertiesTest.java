package io.tillgate.nexo.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.core.money.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Whatever Tillgate can say in nexo, it reads back the same. */
class NexoCodecPropertiesTest {

    private final NexoCodec codec = new NexoCodec();

    @Provide
    Arbitrary<String> text() {
        // XML 1.0 text, including the characters that need escaping and non-ASCII letters.
        return Arbitraries.strings().withCharRange(' ', '~').withChars('å', 'ö', 'Ä', '€', '\u00e9')
                .ofMinLength(1).ofMaxLength(40).filter(s -> !s.isBlank() && s.strip().equals(s));
    }

    @Provide
    Arbitrary<String> serviceId() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(10);
    }

    @Provide
    Arbitrary<BigDecimal> amount() {
        return Arbitraries.longs().between(0, 9_999_999_999L).map(minor -> BigDecimal.valueOf(minor, 2));
    }

    @Provide
    Arbitrary<SaleToPOIRequest> payment() {
        return Combinators.combine(serviceId(), text(), text(), amount(), Arbitraries.of(PaymentType.NORMAL,
                PaymentType.REFUND), Arbitraries.of("SEK", "EUR", "NOK", "DKK"))
                .as((serviceId, saleId, transactionId, amount, type, currency) -> new SaleToPOIRequest(
                        new MessageHeader(null, MessageClass.SERVICE, MessageCategory.PAYMENT, MessageType.REQUEST,
                                serviceId, null, saleId, "POI-1"),
                        new PaymentRequest(new SaleData(null, new TransactionIdentification(transactionId,
                                "2025-01-02T10:16:00+01:00"), null, null, null), new PaymentTransaction(
                                new AmountsReq(currency, amount, null, null), null), new PaymentData(type, null))));
    }

    @Provide
    Arbitrary<SaleToPOIResponse> paymentResponse() {
        return Combinators.combine(serviceId(), text(), amount(), Arbitraries.of(Result.values()),
                Arbitraries.of(ErrorCondition.values()), text().list().ofMaxSize(5))
                .as((serviceId, additional, amount, result, condition, lines) -> new SaleToPOIResponse(
                        new MessageHeader(null, MessageClass.SERVICE, MessageCategory.PAYMENT, MessageType.RESPONSE,
                                serviceId, null, "POS7", "POI-1"),
                        new PaymentResponse(new Response(result, result == Result.FAILURE ? condition : null,
                                additional), null, new PoiData(new TransactionIdentification(serviceId, "t")),
                                new PaymentResult(null, new AmountsResp("SEK", amount, null, null), null),
                                List.of(new NexoReceipt(DocumentQualifier.CUSTOMER_RECEIPT, Map.of(
                                        "Mandatory.Outcome.ApprovalCode", additional), lines,
                                        false).toPaymentReceipt()))));
    }

    @Property(tries = 200)
    void paymentRequestsRoundTrip(@ForAll("payment") SaleToPOIRequest request) {
        assertThat(codec.decodeRequest(codec.encode(request))).isEqualTo(request);
    }

    @Property(tries = 200)
    void paymentResponsesRoundTrip(@ForAll("paymentResponse") SaleToPOIResponse response) {
        SaleToPOIResponse decoded = codec.decodeResponse(codec.encode(response));
        assertThat(decoded).isEqualTo(response);
        PaymentReceipt receipt = decoded.body(PaymentResponse.class).paymentReceipt().get(0);
        PaymentReceipt original = response.body(PaymentResponse.class).paymentReceipt().get(0);
        assertThat(NexoReceipt.from(receipt)).isEqualTo(NexoReceipt.from(original));
    }

    @Property
    void amountsConvertExactly(@ForAll @LongRange(min = 0, max = 9_999_999_999L) long minor,
            @ForAll @IntRange(min = 0, max = 3) int currencyIndex) {
        String currency = List.of("SEK", "EUR", "JPY", "KWD").get(currencyIndex);
        Money money = Money.ofMinor(minor, currency);
        BigDecimal decimal = NexoAmounts.toDecimal(money);
        if (decimal.compareTo(new BigDecimal("99999999.999999")) <= 0) {
            assertThat(NexoAmounts.toMoney(new BigDecimal(decimal.toPlainString()), currency, "x")).isEqualTo(money);
        }
    }
}
