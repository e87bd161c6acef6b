package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** Answer to a PrintRequest. */
@JsonPropertyOrder({"Response"})
public record PrintResponse(
        @JacksonXmlProperty(isAttribute = true, localName = "DocumentQualifier") DocumentQualifier documentQualifier,
        @JacksonXmlProperty(localName = "Response") Response response) implements NexoResponseBody {

    @Override
    public MessageCategory category() {
        return MessageCategory.PRINT;
    }
}
