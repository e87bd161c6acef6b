package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The SaleToPOIRequest element as Jackson maps it: the header and one slot per body element, of which
 * exactly one is filled. Only {@link NexoCodec} sees this shape; everyone else sees
 * {@link SaleToPOIRequest}.
 */
@JacksonXmlRootElement(localName = "SaleToPOIRequest")
@JsonPropertyOrder({"MessageHeader", "AbortRequest", "CardAcquisitionRequest", "DisplayRequest", "EnableServiceRequest", "EventNotification", "InputRequest", "LoginRequest", "LogoutRequest", "PaymentRequest", "PrintRequest", "ReversalRequest", "TransactionStatusRequest", "TransmitRequest"})
record RequestDocument(
        @JacksonXmlProperty(localName = "MessageHeader") MessageHeader header,
        @JacksonXmlProperty(localName = "AbortRequest") AbortRequest abortRequest,
        @JacksonXmlProperty(localName = "CardAcquisitionRequest") CardAcquisitionRequest cardAcquisitionRequest,
        @JacksonXmlProperty(localName = "DisplayRequest") DisplayRequest displayRequest,
        @JacksonXmlProperty(localName = "EnableServiceRequest") EnableServiceRequest enableServiceRequest,
        @JacksonXmlProperty(localName = "EventNotification") EventNotification eventNotification,
        @JacksonXmlProperty(localName = "InputRequest") InputRequest inputRequest,
        @JacksonXmlProperty(localName = "LoginRequest") LoginRequest loginRequest,
        @JacksonXmlProperty(localName = "LogoutRequest") LogoutRequest logoutRequest,
        @JacksonXmlProperty(localName = "PaymentRequest") PaymentRequest paymentRequest,
        @JacksonXmlProperty(localName = "PrintRequest") PrintRequest printRequest,
        @JacksonXmlProperty(localName = "ReversalRequest") ReversalRequest reversalRequest,
        @JacksonXmlProperty(localName = "TransactionStatusRequest") TransactionStatusRequest transactionStatusRequest,
        @JacksonXmlProperty(localName = "TransmitRequest") TransmitRequest transmitRequest) {

    static RequestDocument of(SaleToPOIRequest message) {
        NexoRequestBody body = message.body();
        if (body instanceof AbortRequest b) {
            return new RequestDocument(message.header(), b, null, null, null, null, null, null, null, null, null, null, null, null);
        }
        if (body instanceof CardAcquisitionRequest b) {
            return new RequestDocument(message.header(), null, b, null, null, null, null, null, null, null, null, null, null, null);
        }
        if (body instanceof DisplayRequest b) {
            return new RequestDocument(message.header(), null, null, b, null, null, null, null, null, null, null, null, null, null);
        }
        if (body instanceof EnableServiceRequest b) {
            return new RequestDocument(message.header(), null, null, null, b, null, null, null, null, null, null, null, null, null);
        }
        if (body instanceof EventNotification b) {
            return new RequestDocument(message.header(), null, null, null, null, b, null, null, null, null, null, null, null, null);
        }
        if (body instanceof InputRequest b) {
            return new RequestDocument(message.header(), null, null, null, null, null, b, null, null, null, null, null, null, null);
        }
        if (body instanceof LoginRequest b) {
            return new RequestDocument(message.header(), null, null, null, null, null, null, b, null, null, null, null, null, null);
        }
        if (body instanceof LogoutRequest b) {
            return new RequestDocument(message.header(), null, null, null, null, null, null, null, b, null, null, null, null, null);
        }
        if (body instanceof PaymentRequest b) {
            return new RequestDocument(message.header(), null, null, null, null, null, null, null, null, b, null, null, null, null);
        }
        if (body instanceof PrintRequest b) {
            return new RequestDocument(message.header(), null, null, null, null, null, null, null, null, null, b, null, null, null);
        }
        if (body instanceof ReversalRequest b) {
            return new RequestDocument(message.header(), null, null, null, null, null, null, null, null, null, null, b, null, null);
        }
        if (body instanceof TransactionStatusRequest b) {
            return new RequestDocument(message.header(), null, null, null, null, null, null, null, null, null, null, null, b, null);
        }
        if (body instanceof TransmitRequest b) {
            return new RequestDocument(message.header(), null, null, null, null, null, null, null, null, null, null, null, null, b);
        }
        throw new IllegalArgumentException("no slot for body " + body.getClass().getSimpleName());
    }

    /** The one body, or a failure naming what is wrong with the body slots. */
    NexoRequestBody body() {
        NexoRequestBody[] filled = Stream.<NexoRequestBody>of(abortRequest, cardAcquisitionRequest, displayRequest, enableServiceRequest, eventNotification, inputRequest, loginRequest, logoutRequest, paymentRequest, printRequest, reversalRequest, transactionStatusRequest, transmitRequest)
                .filter(Objects::nonNull).toArray(NexoRequestBody[]::new);
        if (filled.length == 0) {
            throw NexoDecodingException.missing("SaleToPOIRequest/" + (header == null || header.messageCategory() == null
                    ? "body" : bodyName(header)));
        }
        if (filled.length > 1) {
            throw NexoDecodingException.invalid("SaleToPOIRequest", "carries " + filled.length + " bodies, expected one");
        }
        return filled[0];
    }

    private static String bodyName(MessageHeader header) {
        return header.messageCategory() == MessageCategory.EVENT ? "EventNotification"
                : header.messageCategory().code() + "Request";
    }
}
