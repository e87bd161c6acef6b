package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.List;

/** The outcome of a ReversalRequest. */
@JsonPropertyOrder({"Response", "POIData", "OriginalPOITransaction", "PaymentReceipt"})
public record ReversalResponse(
        @JacksonXmlProperty(localName = "Response") Response response,
        @JacksonXmlProperty(localName = "POIData") PoiData poiData,
        @JacksonXmlProperty(localName = "OriginalPOITransaction") OriginalPoiTransaction originalPoiTransaction,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "PaymentReceipt") List<PaymentReceipt> paymentReceipt) implements NexoResponseBody {

    public ReversalResponse {
        paymentReceipt = paymentReceipt == null ? List.of() : List.copyOf(paymentReceipt);
    }

    @Override
    public MessageCategory category() {
        return MessageCategory.REVERSAL;
    }
}
