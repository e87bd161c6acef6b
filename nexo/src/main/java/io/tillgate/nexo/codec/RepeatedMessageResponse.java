package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** The stored answer a TransactionStatusResponse repeats: its header and body. */
@JsonPropertyOrder({"MessageHeader", "PaymentResponse", "ReversalResponse", "CardAcquisitionResponse"})
public record RepeatedMessageResponse(
        @JacksonXmlProperty(localName = "MessageHeader") MessageHeader messageHeader,
        @JacksonXmlProperty(localName = "PaymentResponse") PaymentResponse paymentResponse,
        @JacksonXmlProperty(localName = "ReversalResponse") ReversalResponse reversalResponse,
        @JacksonXmlProperty(localName = "CardAcquisitionResponse") CardAcquisitionResponse cardAcquisitionResponse) {
}
