package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.List;

/** Texts to show (Device/Display), terminal to POS listener or POS to terminal. */
@JsonPropertyOrder({"DisplayOutput"})
public record DisplayRequest(
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "DisplayOutput") List<DisplayOutput> displayOutput) implements NexoRequestBody {

    public DisplayRequest {
        displayOutput = displayOutput == null ? List.of() : List.copyOf(displayOutput);
    }

    @Override
    public MessageCategory category() {
        return MessageCategory.DISPLAY;
    }
}
