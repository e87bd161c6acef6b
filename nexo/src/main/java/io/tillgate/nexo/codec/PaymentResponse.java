package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.List;

/** The outcome of a PaymentRequest. */
@JsonPropertyOrder({"Response", "SaleData", "POIData", "PaymentResult", "PaymentReceipt"})
public record PaymentResponse(
        @JacksonXmlProperty(localName = "Response") Response response,
        @JacksonXmlProperty(localName = "SaleData") SaleData saleData,
        @JacksonXmlProperty(localName = "POIData") PoiData poiData,
        @JacksonXmlProperty(localName = "PaymentResult") PaymentResult paymentResult,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "PaymentReceipt") List<PaymentReceipt> paymentReceipt) implements NexoResponseBody {

    public PaymentResponse {
        paymentReceipt = paymentReceipt == null ? List.of() : List.copyOf(paymentReceipt);
    }

    @Override
    public MessageCategory category() {
        return MessageCategory.PAYMENT;
    }
}
