package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.List;

/** The card read by a CardAcquisitionRequest. */
@JsonPropertyOrder({"Response", "SaleData", "POIData", "PaymentBrand", "PaymentInstrumentData"})
public record CardAcquisitionResponse(
        @JacksonXmlProperty(localName = "Response") Response response,
        @JacksonXmlProperty(localName = "SaleData") SaleData saleData,
        @JacksonXmlProperty(localName = "POIData") PoiData poiData,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "PaymentBrand") List<String> paymentBrand,
        @JacksonXmlProperty(localName = "PaymentInstrumentData") PaymentInstrumentData paymentInstrumentData) implements NexoResponseBody {

    public CardAcquisitionResponse {
        paymentBrand = paymentBrand == null ? List.of() : List.copyOf(paymentBrand);
    }

    @Override
    public MessageCategory category() {
        return MessageCategory.CARD_ACQUISITION;
    }
}
