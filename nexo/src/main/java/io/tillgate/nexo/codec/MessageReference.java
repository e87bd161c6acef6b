package io.tillgate.nexo.codec;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** Names an earlier request by the attributes of its MessageHeader (Abort, TransactionStatus). */
public record MessageReference(
        @JacksonXmlProperty(isAttribute = true, localName = "MessageCategory") MessageCategory messageCategory,
        @JacksonXmlProperty(isAttribute = true, localName = "ServiceID") String serviceId,
        @JacksonXmlProperty(isAttribute = true, localName = "DeviceID") String deviceId,
        @JacksonXmlProperty(isAttribute = true, localName = "SaleID") String saleId,
        @JacksonXmlProperty(isAttribute = true, localName = "POIID") String poiId) {
}
