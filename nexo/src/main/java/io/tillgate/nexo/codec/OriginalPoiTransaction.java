package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** The terminal transaction a Reversal or linked Refund refers to. */
@JsonPropertyOrder({"POITransactionID", "ApprovalCode", "HostTransactionID"})
public record OriginalPoiTransaction(
        @JacksonXmlProperty(isAttribute = true, localName = "SaleID") String saleId,
        @JacksonXmlProperty(isAttribute = true, localName = "POIID") String poiId,
        @JacksonXmlProperty(localName = "POITransactionID") TransactionIdentification poiTransactionId,
        @JacksonXmlProperty(localName = "ApprovalCode") String approvalCode,
        @JacksonXmlProperty(localName = "HostTransactionID") TransactionIdentification hostTransactionId) {
}
