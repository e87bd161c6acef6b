package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** Asks the other side to print (Device/Print). */
@JsonPropertyOrder({"PrintOutput"})
public record PrintRequest(
        @JacksonXmlProperty(localName = "PrintOutput") PrintOutput printOutput) implements NexoRequestBody {

    @Override
    public MessageCategory category() {
        return MessageCategory.PRINT;
    }
}
