package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** Answer to a LogoutRequest. */
@JsonPropertyOrder({"Response"})
public record LogoutResponse(
        @JacksonXmlProperty(localName = "Response") Response response) implements NexoResponseBody {

    @Override
    public MessageCategory category() {
        return MessageCategory.LOGOUT;
    }
}
