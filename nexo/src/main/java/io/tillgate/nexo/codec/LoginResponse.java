package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** Answer to a LoginRequest. */
@JsonPropertyOrder({"Response", "POISystemData"})
public record LoginResponse(
        @JacksonXmlProperty(localName = "Response") Response response,
        @JacksonXmlProperty(localName = "POISystemData") PoiSystemData poiSystemData) implements NexoResponseBody {

    @Override
    public MessageCategory category() {
        return MessageCategory.LOGIN;
    }
}
