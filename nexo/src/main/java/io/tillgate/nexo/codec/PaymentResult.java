package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** Card, amounts and acquirer data of a payment. */
@JsonPropertyOrder({"PaymentInstrumentData", "AmountsResp", "PaymentAcquirerData"})
public record PaymentResult(
        @JacksonXmlProperty(localName = "PaymentInstrumentData") PaymentInstrumentData paymentInstrumentData,
        @JacksonXmlProperty(localName = "AmountsResp") AmountsResp amountsResp,
        @JacksonXmlProperty(localName = "PaymentAcquirerData") PaymentAcquirerData paymentAcquirerData) {
}
