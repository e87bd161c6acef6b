package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** A document to print. */
@JsonPropertyOrder({"OutputContent"})
public record PrintOutput(
        @JacksonXmlProperty(isAttribute = true, localName = "DocumentQualifier") DocumentQualifier documentQualifier,
        @JacksonXmlProperty(isAttribute = true, localName = "ResponseMode") String responseMode,
        @JacksonXmlProperty(isAttribute = true, localName = "RequiredSignatureFlag") Boolean requiredSignatureFlag,
        @JacksonXmlProperty(localName = "OutputContent") OutputContent outputContent) {
}
