package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** Starts or stops card acquisition ahead of the amount (Service/EnableService). */
@JsonPropertyOrder({"ServicesEnabled", "DisplayOutput"})
public record EnableServiceRequest(
        @JacksonXmlProperty(isAttribute = true, localName = "TransactionAction") String transactionAction,
        @JacksonXmlProperty(localName = "ServicesEnabled") String servicesEnabled,
        @JacksonXmlProperty(localName = "DisplayOutput") DisplayOutput displayOutput) implements NexoRequestBody {

    @Override
    public MessageCategory category() {
        return MessageCategory.ENABLE_SERVICE;
    }
}
