package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** The POS's side of a transaction: its own transaction id, and data for the acquirer. */
@JsonPropertyOrder({"SaleTransactionID", "SaleTerminalData", "SaleToPOIData", "SaleToAcquirerData"})
public record SaleData(
        @JacksonXmlProperty(isAttribute = true, localName = "TokenRequestedType") String tokenRequestedType,
        @JacksonXmlProperty(localName = "SaleTransactionID") TransactionIdentification saleTransactionId,
        @JacksonXmlProperty(localName = "SaleTerminalData") SaleTerminalData saleTerminalData,
        @JacksonXmlProperty(localName = "SaleToPOIData") String saleToPoiData,
        @JacksonXmlProperty(localName = "SaleToAcquirerData") String saleToAcquirerData) {
}
