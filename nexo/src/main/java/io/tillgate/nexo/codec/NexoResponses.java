package io.tillgate.nexo.codec;

import java.util.List;
import java.util.Optional;

/** Builds the response that answers a request, for answers that carry only a Response. */
public final class NexoResponses {

    private NexoResponses() {
    }

    /** The header of the answer to {@code request}: the same ids with MessageType Response. */
    public static MessageHeader answering(MessageHeader request) {
        return new MessageHeader(request.messageCategory() == MessageCategory.LOGIN ? request.protocolVersion() : null,
                request.messageClass(), request.messageCategory(), MessageType.RESPONSE, request.serviceId(),
                request.deviceId(), request.saleId(), request.poiId());
    }

    /**
     * The response whose body matches the request's category and carries only {@code response};
     * empty for categories the schema gives no response (Abort, Event) or Tillgate does not serve.
     */
    public static Optional<SaleToPOIResponse> withResult(MessageHeader request, Response response) {
        NexoResponseBody body = switch (request.messageCategory()) {
            case LOGIN -> new LoginResponse(response, null);
            case LOGOUT -> new LogoutResponse(response);
            case PAYMENT -> new PaymentResponse(response, null, null, null, List.of());
            case TRANSACTION_STATUS -> new TransactionStatusResponse(response, null, null);
            case REVERSAL -> new ReversalResponse(response, null, null, List.of());
            case ENABLE_SERVICE -> new EnableServiceResponse(response);
            case CARD_ACQUISITION -> new CardAcquisitionResponse(response, null, null, List.of(), null);
            case DISPLAY -> new DisplayResponse(List.of(new OutputResult(null, null, response)));
            case INPUT -> new InputResponse(null, new InputResult(null, null, response, null));
            case PRINT -> new PrintResponse(null, response);
            case TRANSMIT -> new TransmitResponse(response, null);
            case DIAGNOSIS -> new DiagnosisResponse(response, List.of(), null, List.of());
            default -> null;
        };
        return Optional.ofNullable(body).map(b -> new SaleToPOIResponse(answering(request), b));
    }

    /** Failure/MessageFormat naming the element, as docs/protocols/nexo.md §11 decides. */
    public static Optional<SaleToPOIResponse> messageFormat(MessageHeader request, String element) {
        return withResult(request, failure(ErrorCondition.MESSAGE_FORMAT, element.isEmpty() ? "invalid message"
                : "invalid or missing " + element));
    }

    public static Response success() {
        return new Response(Result.SUCCESS, null, null);
    }

    public static Response failure(ErrorCondition condition, String additional) {
        return new Response(Result.FAILURE, condition, additional);
    }
}
