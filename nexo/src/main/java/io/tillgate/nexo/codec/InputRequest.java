package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** Asks for input (Device/Input), e.g. the signature check GetConfirmation. */
@JsonPropertyOrder({"DisplayOutput", "InputData"})
public record InputRequest(
        @JacksonXmlProperty(localName = "DisplayOutput") DisplayOutput displayOutput,
        @JacksonXmlProperty(localName = "InputData") InputData inputData) implements NexoRequestBody {

    @Override
    public MessageCategory category() {
        return MessageCategory.INPUT;
    }
}
