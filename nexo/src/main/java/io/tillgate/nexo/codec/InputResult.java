package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** The result of an InputRequest. */
@JsonPropertyOrder({"Response", "Input"})
public record InputResult(
        @JacksonXmlProperty(isAttribute = true, localName = "Device") String device,
        @JacksonXmlProperty(isAttribute = true, localName = "InfoQualify") String infoQualify,
        @JacksonXmlProperty(localName = "Response") Response response,
        @JacksonXmlProperty(localName = "Input") Input input) {
}
