package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.List;

/** What to show or print; Tillgate uses OutputFormat Text with one OutputText per line. */
@JsonPropertyOrder({"PredefinedContent", "OutputText"})
public record OutputContent(
        @JacksonXmlProperty(isAttribute = true, localName = "OutputFormat") String outputFormat,
        @JacksonXmlProperty(localName = "PredefinedContent") String predefinedContent,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "OutputText") List<OutputText> outputText) {

    public OutputContent {
        outputText = outputText == null ? List.of() : List.copyOf(outputText);
    }
}
