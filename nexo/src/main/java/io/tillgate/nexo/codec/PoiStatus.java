package io.tillgate.nexo.codec;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** The terminal's global and printer status. */
public record PoiStatus(
        @JacksonXmlProperty(isAttribute = true, localName = "GlobalStatus") String globalStatus,
        @JacksonXmlProperty(isAttribute = true, localName = "PrinterStatus") String printerStatus) {
}
