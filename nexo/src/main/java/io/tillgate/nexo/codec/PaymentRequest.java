package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** A purchase or refund (Service/Payment). */
@JsonPropertyOrder({"SaleData", "PaymentTransaction", "PaymentData"})
public record PaymentRequest(
        @JacksonXmlProperty(localName = "SaleData") SaleData saleData,
        @JacksonXmlProperty(localName = "PaymentTransaction") PaymentTransaction paymentTransaction,
        @JacksonXmlProperty(localName = "PaymentData") PaymentData paymentData) implements NexoRequestBody {

    @Override
    public MessageCategory category() {
        return MessageCategory.PAYMENT;
    }
}
