package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.List;

/** Asks what became of an earlier request; empty means the last transaction. */
@JsonPropertyOrder({"MessageReference", "DocumentQualifier"})
public record TransactionStatusRequest(
        @JacksonXmlProperty(localName = "MessageReference") MessageReference messageReference,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "DocumentQualifier") List<DocumentQualifier> documentQualifier) implements NexoRequestBody {

    public TransactionStatusRequest {
        documentQualifier = documentQualifier == null ? List.of() : List.copyOf(documentQualifier);
    }

    @Override
    public MessageCategory category() {
        return MessageCategory.TRANSACTION_STATUS;
    }
}
