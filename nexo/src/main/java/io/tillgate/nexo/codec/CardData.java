package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** The card as the terminal may show it: brand, masked PAN, entry mode, alias. */
@JsonPropertyOrder({"PaymentToken"})
public record CardData(
        @JacksonXmlProperty(isAttribute = true, localName = "PaymentBrand") String paymentBrand,
        @JacksonXmlProperty(isAttribute = true, localName = "MaskedPAN") String maskedPan,
        @JacksonXmlProperty(isAttribute = true, localName = "PaymentAccountRef") String paymentAccountRef,
        @JacksonXmlProperty(isAttribute = true, localName = "EntryMode") String entryMode,
        @JacksonXmlProperty(localName = "PaymentToken") PaymentToken paymentToken) {
}
