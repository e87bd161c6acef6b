package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** The outcome of a request: Result, ErrorCondition when it failed, and a free text. */
@JsonPropertyOrder({"AdditionalResponse"})
public record Response(
        @JacksonXmlProperty(isAttribute = true, localName = "Result") Result result,
        @JacksonXmlProperty(isAttribute = true, localName = "ErrorCondition") ErrorCondition errorCondition,
        @JacksonXmlProperty(localName = "AdditionalResponse") String additionalResponse) {
}
