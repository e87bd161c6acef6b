package io.tillgate.nexo.codec;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** The MessageHeader of every nexo document (docs/protocols/nexo.md §2); attributes only. */
public record MessageHeader(
        @JacksonXmlProperty(isAttribute = true, localName = "ProtocolVersion") String protocolVersion,
        @JacksonXmlProperty(isAttribute = true, localName = "MessageClass") MessageClass messageClass,
        @JacksonXmlProperty(isAttribute = true, localName = "MessageCategory") MessageCategory messageCategory,
        @JacksonXmlProperty(isAttribute = true, localName = "MessageType") MessageType messageType,
        @JacksonXmlProperty(isAttribute = true, localName = "ServiceID") String serviceId,
        @JacksonXmlProperty(isAttribute = true, localName = "DeviceID") String deviceId,
        @JacksonXmlProperty(isAttribute = true, localName = "SaleID") String saleId,
        @JacksonXmlProperty(isAttribute = true, localName = "POIID") String poiId) {
}
