package io.tillgate.nexo.codec;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** Ends the login session; MaintenanceAllowed lets the terminal install updates. */
public record LogoutRequest(
        @JacksonXmlProperty(isAttribute = true, localName = "MaintenanceAllowed") Boolean maintenanceAllowed) implements NexoRequestBody {

    @Override
    public MessageCategory category() {
        return MessageCategory.LOGOUT;
    }
}
