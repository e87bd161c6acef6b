package io.tillgate.nexo.codec;

/** The body of a SaleToPOIResponse: the element named MessageCategory + "Response". */
public sealed interface NexoResponseBody
        permits CardAcquisitionResponse, DiagnosisResponse, DisplayResponse, EnableServiceResponse, InputResponse,
        LoginResponse, LogoutResponse, PaymentResponse, PrintResponse, ReversalResponse, TransactionStatusResponse,
        TransmitResponse {

    /** The MessageCategory a header carrying this body must name. */
    MessageCategory category();
}
