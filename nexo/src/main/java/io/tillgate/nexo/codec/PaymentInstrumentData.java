package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** The means of payment. */
@JsonPropertyOrder({"CardData"})
public record PaymentInstrumentData(
        @JacksonXmlProperty(isAttribute = true, localName = "PaymentInstrumentType") String paymentInstrumentType,
        @JacksonXmlProperty(localName = "CardData") CardData cardData) {
}
