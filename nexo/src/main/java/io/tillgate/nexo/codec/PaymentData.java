package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** How to pay: the payment type and the card read by an earlier CardAcquisition. */
@JsonPropertyOrder({"CardAcquisitionReference"})
public record PaymentData(
        @JacksonXmlProperty(isAttribute = true, localName = "PaymentType") PaymentType paymentType,
        @JacksonXmlProperty(localName = "CardAcquisitionReference") TransactionIdentification cardAcquisitionReference) {
}
