package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** One display text on a device. */
@JsonPropertyOrder({"OutputContent"})
public record DisplayOutput(
        @JacksonXmlProperty(isAttribute = true, localName = "Device") String device,
        @JacksonXmlProperty(isAttribute = true, localName = "InfoQualify") String infoQualify,
        @JacksonXmlProperty(isAttribute = true, localName = "ResponseRequiredFlag") Boolean responseRequiredFlag,
        @JacksonXmlProperty(isAttribute = true, localName = "MinimumDisplayTime") Integer minimumDisplayTime,
        @JacksonXmlProperty(localName = "OutputContent") OutputContent outputContent) {
}
