package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** The terminal's environment, serial number and capabilities. */
@JsonPropertyOrder({"POICapabilities", "POIProfile"})
public record PoiTerminalData(
        @JacksonXmlProperty(isAttribute = true, localName = "TerminalEnvironment") String terminalEnvironment,
        @JacksonXmlProperty(isAttribute = true, localName = "POISerialNumber") String poiSerialNumber,
        @JacksonXmlProperty(localName = "POICapabilities") String poiCapabilities,
        @JacksonXmlProperty(localName = "POIProfile") String poiProfile) {
}
