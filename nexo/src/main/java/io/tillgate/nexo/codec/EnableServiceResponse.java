package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** Answer to an EnableServiceRequest. */
@JsonPropertyOrder({"Response"})
public record EnableServiceResponse(
        @JacksonXmlProperty(localName = "Response") Response response) implements NexoResponseBody {

    @Override
    public MessageCategory category() {
        return MessageCategory.ENABLE_SERVICE;
    }
}
