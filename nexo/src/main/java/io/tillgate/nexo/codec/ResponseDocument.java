package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The SaleToPOIResponse element as Jackson maps it: the header and one slot per body element, of which
 * exactly one is filled. Only {@link NexoCodec} sees this shape; everyone else sees
 * {@link SaleToPOIResponse}.
 */
@JacksonXmlRootElement(localName = "SaleToPOIResponse")
@JsonPropertyOrder({"MessageHeader", "CardAcquisitionResponse", "DisplayResponse", "EnableServiceResponse", "InputResponse", "LoginResponse", "LogoutResponse", "PaymentResponse", "PrintResponse", "ReversalResponse", "TransactionStatusResponse", "TransmitResponse"})
record ResponseDocument(
        @JacksonXmlProperty(localName = "MessageHeader") MessageHeader header,
        @JacksonXmlProperty(localName = "CardAcquisitionResponse") CardAcquisitionResponse cardAcquisitionResponse,
        @JacksonXmlProperty(localName = "DisplayResponse") DisplayResponse displayResponse,
        @JacksonXmlProperty(localName = "EnableServiceResponse") EnableServiceResponse enableServiceResponse,
        @JacksonXmlProperty(localName = "InputResponse") InputResponse inputResponse,
        @JacksonXmlProperty(localName = "LoginResponse") LoginResponse loginResponse,
        @JacksonXmlProperty(localName = "LogoutResponse") LogoutResponse logoutResponse,
        @JacksonXmlProperty(localName = "PaymentResponse") PaymentResponse paymentResponse,
        @JacksonXmlProperty(localName = "PrintResponse") PrintResponse printResponse,
        @JacksonXmlProperty(localName = "ReversalResponse") ReversalResponse reversalResponse,
        @JacksonXmlProperty(localName = "TransactionStatusResponse") TransactionStatusResponse transactionStatusResponse,
        @JacksonXmlProperty(localName = "TransmitResponse") TransmitResponse transmitResponse) {

    static ResponseDocument of(SaleToPOIResponse message) {
        NexoResponseBody body = message.body();
        if (body instanceof CardAcquisitionResponse b) {
            return new ResponseDocument(message.header(), b, null, null, null, null, null, null, null, null, null, null);
        }
        if (body instanceof DisplayResponse b) {
            return new ResponseDocument(message.header(), null, b, null, null, null, null, null, null, null, null, null);
        }
        if (body instanceof EnableServiceResponse b) {
            return new ResponseDocument(message.header(), null, null, b, null, null, null, null, null, null, null, null);
        }
        if (body instanceof InputResponse b) {
            return new ResponseDocument(message.header(), null, null, null, b, null, null, null, null, null, null, null);
        }
        if (body instanceof LoginResponse b) {
            return new ResponseDocument(message.header(), null, null, null, null, b, null, null, null, null, null, null);
        }
        if (body instanceof LogoutResponse b) {
            return new ResponseDocument(message.header(), null, null, null, null, null, b, null, null, null, null, null);
        }
        if (body instanceof PaymentResponse b) {
            return new ResponseDocument(message.header(), null, null, null, null, null, null, b, null, null, null, null);
        }
        if (body instanceof PrintResponse b) {
            return new ResponseDocument(message.header(), null, null, null, null, null, null, null, b, null, null, null);
        }
        if (body instanceof ReversalResponse b) {
            return new ResponseDocument(message.header(), null, null, null, null, null, null, null, null, b, null, null);
        }
        if (body instanceof TransactionStatusResponse b) {
            return new ResponseDocument(message.header(), null, null, null, null, null, null, null, null, null, b, null);
        }
        if (body instanceof TransmitResponse b) {
            return new ResponseDocument(message.header(), null, null, null, null, null, null, null, null, null, null, b);
        }
        throw new IllegalArgumentException("no slot for body " + body.getClass().getSimpleName());
    }

    /** The one body, or a failure naming what is wrong with the body slots. */
    NexoResponseBody body() {
        NexoResponseBody[] filled = Stream.<NexoResponseBody>of(cardAcquisitionResponse, displayResponse, enableServiceResponse, inputResponse, loginResponse, logoutResponse, paymentResponse, printResponse, reversalResponse, transactionStatusResponse, transmitResponse)
                .filter(Objects::nonNull).toArray(NexoResponseBody[]::new);
        if (filled.length == 0) {
            throw NexoDecodingException.missing("SaleToPOIResponse/" + (header == null || header.messageCategory() == null
                    ? "body" : bodyName(header)));
        }
        if (filled.length > 1) {
            throw NexoDecodingException.invalid("SaleToPOIResponse", "carries " + filled.length + " bodies, expected one");
        }
        return filled[0];
    }

    private static String bodyName(MessageHeader header) {
        return header.messageCategory() == MessageCategory.EVENT ? "EventNotification"
                : header.messageCategory().code() + "Response";
    }
}
