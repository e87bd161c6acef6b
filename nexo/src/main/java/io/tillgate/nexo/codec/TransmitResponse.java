package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** Answer to a TransmitRequest. */
@JsonPropertyOrder({"Response", "Message"})
public record TransmitResponse(
        @JacksonXmlProperty(localName = "Response") Response response,
        @JacksonXmlProperty(localName = "Message") String message) implements NexoResponseBody {

    @Override
    public MessageCategory category() {
        return MessageCategory.TRANSMIT;
    }
}
