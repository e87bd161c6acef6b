package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.List;

/** Answer to a DisplayRequest that asked for one. */
@JsonPropertyOrder({"OutputResult"})
public record DisplayResponse(
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "OutputResult") List<OutputResult> outputResult) implements NexoResponseBody {

    public DisplayResponse {
        outputResult = outputResult == null ? List.of() : List.copyOf(outputResult);
    }

    @Override
    public MessageCategory category() {
        return MessageCategory.DISPLAY;
    }
}
