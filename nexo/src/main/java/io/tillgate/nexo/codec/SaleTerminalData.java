package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** What the POS can do; SaleCapabilities is a space-separated list. */
@JsonPropertyOrder({"SaleCapabilities", "SaleProfile"})
public record SaleTerminalData(
        @JacksonXmlProperty(isAttribute = true, localName = "TerminalEnvironment") String terminalEnvironment,
        @JacksonXmlProperty(localName = "SaleCapabilities") String saleCapabilities,
        @JacksonXmlProperty(localName = "SaleProfile") SaleProfile saleProfile) {
}
