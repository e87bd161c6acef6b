package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.math.BigDecimal;

/** Reverses the terminal's last successful transaction (Service/Reversal). */
@JsonPropertyOrder({"SaleData", "OriginalPOITransaction"})
public record ReversalRequest(
        @JacksonXmlProperty(isAttribute = true, localName = "ReversalReason") ReversalReason reversalReason,
        @JacksonXmlProperty(isAttribute = true, localName = "ReversedAmount") BigDecimal reversedAmount,
        @JacksonXmlProperty(localName = "SaleData") SaleData saleData,
        @JacksonXmlProperty(localName = "OriginalPOITransaction") OriginalPoiTransaction originalPoiTransaction) implements NexoRequestBody {

    @Override
    public MessageCategory category() {
        return MessageCategory.REVERSAL;
    }
}
