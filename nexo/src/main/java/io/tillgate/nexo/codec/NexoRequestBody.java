package io.tillgate.nexo.codec;

/** The body of a SaleToPOIRequest: the element named MessageCategory + "Request" (or EventNotification). */
public sealed interface NexoRequestBody
        permits AbortRequest, CardAcquisitionRequest, DiagnosisRequest, DisplayRequest, EnableServiceRequest,
        EventNotification, InputRequest, LoginRequest, LogoutRequest, PaymentRequest, PrintRequest, ReversalRequest,
        TransactionStatusRequest, TransmitRequest {

    /** The MessageCategory a header carrying this body must name. */
    MessageCategory category();
}
