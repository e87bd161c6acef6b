package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** Reads a card before the amount is known (Service/CardAcquisition). */
@JsonPropertyOrder({"SaleData", "CardAcquisitionTransaction"})
public record CardAcquisitionRequest(
        @JacksonXmlProperty(localName = "SaleData") SaleData saleData,
        @JacksonXmlProperty(localName = "CardAcquisitionTransaction") CardAcquisitionTransaction cardAcquisitionTransaction) implements NexoRequestBody {

    @Override
    public MessageCategory category() {
        return MessageCategory.CARD_ACQUISITION;
    }
}
