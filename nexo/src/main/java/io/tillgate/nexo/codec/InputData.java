package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** What to ask the operator or customer. */
@JsonPropertyOrder({"DefaultInputString", "StringMask"})
public record InputData(
        @JacksonXmlProperty(isAttribute = true, localName = "Device") String device,
        @JacksonXmlProperty(isAttribute = true, localName = "InfoQualify") String infoQualify,
        @JacksonXmlProperty(isAttribute = true, localName = "InputCommand") InputCommand inputCommand,
        @JacksonXmlProperty(isAttribute = true, localName = "MaxInputTime") Integer maxInputTime,
        @JacksonXmlProperty(localName = "DefaultInputString") String defaultInputString,
        @JacksonXmlProperty(localName = "StringMask") String stringMask) {
}
