package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** Asks the terminal to abort the request MessageReference names (Service/Abort); answered by HTTP 204. */
@JsonPropertyOrder({"MessageReference", "AbortReason", "DisplayOutput"})
public record AbortRequest(
        @JacksonXmlProperty(localName = "MessageReference") MessageReference messageReference,
        @JacksonXmlProperty(localName = "AbortReason") String abortReason,
        @JacksonXmlProperty(localName = "DisplayOutput") DisplayOutput displayOutput) implements NexoRequestBody {

    @Override
    public MessageCategory category() {
        return MessageCategory.ABORT;
    }
}
