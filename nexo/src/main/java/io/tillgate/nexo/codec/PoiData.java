package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** The terminal's id of a transaction, needed for a Reversal. */
@JsonPropertyOrder({"POITransactionID"})
public record PoiData(
        @JacksonXmlProperty(localName = "POITransactionID") TransactionIdentification poiTransactionId) {
}
