package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The SaleToPOIRequest element as Jackson maps it: the header and one slot per body element, of which
 * exactly one is filled. Only {@link NexoCodec} sees this shape; everyone else sees
 * {@link SaleToPOIRequest}.
 */
@JacksonXmlRootElement(localName = "SaleToPOIRequest")
@JsonPropertyOrder({"MessageHeader", "AbortRequest", "CardAcquisitionRequest", "DiagnosisRequest", "DisplayRequest",
        "EnableServiceRequest", "EventNotification", "InputRequest", "LoginRequest", "LogoutRequest", "PaymentRequest",
        "PrintRequest", "ReversalRequest", "TransactionStatusRequest", "TransmitRequest"})
record RequestDocument(
        @JacksonXmlProperty(localName = "MessageHeader") MessageHeader header,
        @JacksonXmlProperty(localName = "AbortRequest") AbortRequest abortRequest,
        @JacksonXmlProperty(localName = "CardAcquisitionRequest") CardAcquisitionRequest cardAcquisitionRequest,
        @JacksonXmlProperty(localName = "DiagnosisRequest") DiagnosisRequest diagnosisRequest,
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
        RequestDocument document = new RequestDocument(message.header(), slot(body, AbortRequest.class),
                slot(body, CardAcquisitionRequest.class), slot(body, DiagnosisRequest.class),
                slot(body, DisplayRequest.class), slot(body, EnableServiceRequest.class),
                slot(body, EventNotification.class), slot(body, InputRequest.class), slot(body, LoginRequest.class),
                slot(body, LogoutRequest.class), slot(body, PaymentRequest.class), slot(body, PrintRequest.class),
                slot(body, ReversalRequest.class), slot(body, TransactionStatusRequest.class),
                slot(body, TransmitRequest.class));
        if (document.body() != body) {
            throw new IllegalArgumentException("no slot for body " + body.getClass().getSimpleName());
        }
        return document;
    }

    private static <T extends NexoRequestBody> T slot(NexoRequestBody body, Class<T> type) {
        return type.isInstance(body) ? type.cast(body) : null;
    }

    /** The one body, or a failure naming what is wrong with the body slots. */
    NexoRequestBody body() {
        NexoRequestBody[] slots = {abortRequest, cardAcquisitionRequest, diagnosisRequest, displayRequest,
                enableServiceRequest, eventNotification, inputRequest, loginRequest, logoutRequest, paymentRequest,
                printRequest, reversalRequest, transactionStatusRequest, transmitRequest};
        NexoRequestBody one = null;
        int filled = 0;
        for (NexoRequestBody slot : slots) {
            if (slot != null) {
                one = slot;
                filled++;
            }
        }
        if (filled == 0) {
            throw NexoDecodingException.missing("SaleToPOIRequest/"
                    + (header == null || header.messageCategory() == null ? "body" : bodyName(header)));
        }
        if (filled > 1) {
            throw NexoDecodingException.invalid("SaleToPOIRequest", "carries " + filled
                    + " bodies, expected one");
        }
        return one;
    }

    private static String bodyName(MessageHeader header) {
        return header.messageCategory() == MessageCategory.EVENT ? "EventNotification"
                : header.messageCategory().code() + "Request";
    }
}
