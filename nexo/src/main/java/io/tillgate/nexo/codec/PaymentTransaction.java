package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** What to pay: amounts and, for a linked refund, the original transaction. */
@JsonPropertyOrder({"AmountsReq", "OriginalPOITransaction"})
public record PaymentTransaction(
        @JacksonXmlProperty(localName = "AmountsReq") AmountsReq amountsReq,
        @JacksonXmlProperty(localName = "OriginalPOITransaction") OriginalPoiTransaction originalPoiTransaction) {
}
