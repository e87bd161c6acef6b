package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** Something happened at the terminal (Event/Event/Notification); never answered with a body. */
@JsonPropertyOrder({"EventDetails", "RejectedMessage", "DisplayOutput"})
public record EventNotification(
        @JacksonXmlProperty(isAttribute = true, localName = "TimeStamp") String timeStamp,
        @JacksonXmlProperty(isAttribute = true, localName = "EventToNotify") EventToNotify eventToNotify,
        @JacksonXmlProperty(isAttribute = true, localName = "MaintenanceRequiredFlag") Boolean maintenanceRequiredFlag,
        @JacksonXmlProperty(localName = "EventDetails") String eventDetails,
        @JacksonXmlProperty(localName = "RejectedMessage") String rejectedMessage,
        @JacksonXmlProperty(localName = "DisplayOutput") DisplayOutput displayOutput) implements NexoRequestBody {

    @Override
    public MessageCategory category() {
        return MessageCategory.EVENT;
    }
}
