package io.tillgate.nexo.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The SaleToPOIResponse element as Jackson maps it: the header and one slot per body element, of which
 * exactly one is filled. Only {@link NexoCodec} sees this shape; everyone else sees
 * {@link SaleToPOIResponse}.
 */
@JacksonXmlRootElement(localName = "SaleToPOIResponse")
@JsonPropertyOrder({"MessageHeader", "CardAcquisitionResponse", "DiagnosisResponse", "DisplayResponse",
        "EnableServiceResponse", "InputResponse", "LoginResponse", "LogoutResponse", "PaymentResponse", "PrintResponse",
        "ReversalResponse", "TransactionStatusResponse", "TransmitResponse"})
record ResponseDocument(
        @JacksonXmlProperty(localName = "MessageHeader") MessageHeader header,
        @JacksonXmlProperty(localName = "CardAcquisitionResponse") CardAcquisitionResponse cardAcquisitionResponse,
        @JacksonXmlProperty(localName = "DiagnosisResponse") DiagnosisResponse diagnosisResponse,
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
        ResponseDocument document = new ResponseDocument(message.header(), slot(body, CardAcquisitionResponse.class),
                slot(body, DiagnosisResponse.class), slot(body, DisplayResponse.class),
                slot(body, EnableServiceResponse.class), slot(body, InputResponse.class),
                slot(body, LoginResponse.class), slot(body, LogoutResponse.class), slot(body, PaymentResponse.class),
                slot(body, PrintResponse.class), slot(body, ReversalResponse.class),
                slot(body, TransactionStatusResponse.class), slot(body, TransmitResponse.class));
        if (document.body() != body) {
            throw new IllegalArgumentException("no slot for body " + body.getClass().getSimpleName());
        }
        return document;
    }

    private static <T extends NexoResponseBody> T slot(NexoResponseBody body, Class<T> type) {
        return type.isInstance(body) ? type.cast(body) : null;
    }

    /** The one body, or a failure naming what is wrong with the body slots. */
    NexoResponseBody body() {
        NexoResponseBody[] slots = {cardAcquisitionResponse, diagnosisResponse, displayResponse,
                enableServiceResponse, inputResponse, loginResponse, logoutResponse, paymentResponse, printResponse,
                reversalResponse, transactionStatusResponse, transmitResponse};
        NexoResponseBody one = null;
        int filled = 0;
        for (NexoResponseBody slot : slots) {
            if (slot != null) {
                one = slot;
                filled++;
            }
        }
        if (filled == 0) {
            throw NexoDecodingException.missing("SaleToPOIResponse/"
                    + (header == null || header.messageCategory() == null ? "body" : bodyName(header)));
        }
        if (filled > 1) {
            throw NexoDecodingException.invalid("SaleToPOIResponse", "carries " + filled
                    + " bodies, expected one");
        }
        return one;
    }

    private static String bodyName(MessageHeader header) {
        return header.messageCategory() == MessageCategory.EVENT ? "EventNotification"
                : header.messageCategory().code() + "Response";
    }
}
