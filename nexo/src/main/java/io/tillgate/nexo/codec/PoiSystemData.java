package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** What a LoginResponse tells about the terminal. */
@JsonPropertyOrder({"DateTime", "POISoftware", "POITerminalData", "POIStatus"})
public record PoiSystemData(
        @JacksonXmlProperty(localName = "DateTime") String dateTime,
        @JacksonXmlProperty(localName = "POISoftware") SaleSoftware poiSoftware,
        @JacksonXmlProperty(localName = "POITerminalData") PoiTerminalData poiTerminalData,
        @JacksonXmlProperty(localName = "POIStatus") PoiStatus poiStatus) {
}
