package io.tillgate.nexo.codec;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** A card number alias. */
public record PaymentToken(
        @JacksonXmlProperty(isAttribute = true, localName = "TokenRequestedType") String tokenRequestedType,
        @JacksonXmlProperty(isAttribute = true, localName = "TokenValue") String tokenValue) {
}
