package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** The terminal's auto-configuration message (Device/Transmit); Message is base64 JSON. */
@JsonPropertyOrder({"Message"})
public record TransmitRequest(
        @JacksonXmlProperty(isAttribute = true, localName = "DestinationAddress") String destinationAddress,
        @JacksonXmlProperty(isAttribute = true, localName = "MaximumTransmitTime") Integer maximumTransmitTime,
        @JacksonXmlProperty(isAttribute = true, localName = "WaitResponseFlag") Boolean waitResponseFlag,
        @JacksonXmlProperty(localName = "Message") String message) implements NexoRequestBody {

    @Override
    public MessageCategory category() {
        return MessageCategory.TRANSMIT;
    }
}
