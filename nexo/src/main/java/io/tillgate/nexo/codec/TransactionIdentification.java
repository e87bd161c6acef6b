package io.tillgate.nexo.codec;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** A SaleTransactionID, POITransactionID or CardAcquisitionReference: an id and its time stamp. */
public record TransactionIdentification(
        @JacksonXmlProperty(isAttribute = true, localName = "TransactionID") String transactionId,
        @JacksonXmlProperty(isAttribute = true, localName = "TimeStamp") String timeStamp) {
}
