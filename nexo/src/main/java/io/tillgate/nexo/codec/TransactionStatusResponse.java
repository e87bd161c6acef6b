package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** Answer to a TransactionStatusRequest. */
@JsonPropertyOrder({"Response", "MessageReference", "RepeatedMessageResponse"})
public record TransactionStatusResponse(
        @JacksonXmlProperty(localName = "Response") Response response,
        @JacksonXmlProperty(localName = "MessageReference") MessageReference messageReference,
        @JacksonXmlProperty(localName = "RepeatedMessageResponse") RepeatedMessageResponse repeatedMessageResponse) implements NexoResponseBody {

    @Override
    public MessageCategory category() {
        return MessageCategory.TRANSACTION_STATUS;
    }
}
