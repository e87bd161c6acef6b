package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** Answer to an InputRequest. */
@JsonPropertyOrder({"OutputResult", "InputResult"})
public record InputResponse(
        @JacksonXmlProperty(localName = "OutputResult") OutputResult outputResult,
        @JacksonXmlProperty(localName = "InputResult") InputResult inputResult) implements NexoResponseBody {

    @Override
    public MessageCategory category() {
        return MessageCategory.INPUT;
    }
}
