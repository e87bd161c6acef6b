package io.tillgate.p3.server;

import io.tillgate.core.service.PaymentError;
import io.tillgate.core.service.PaymentException;
import io.tillgate.p3.codec.P3Error;
import io.tillgate.p3.codec.P3ErrorType;
import io.tillgate.p3.codec.P3MessageType;

/**
 * The P3 error objects the server sends (docs/protocols/p3.md §5.5): a fixed human message per error type, so a
 * cashier sees the same wording for the same problem, and the precise reason as the developer
 * message. Also translates the core's {@link PaymentError} refusals, whose meaning for P3 depends
 * on the request that was refused. A gateway that is shutting down answers as a busy device does
 * (P3 has no type of its own for it), in words of its own, since no other transaction keeps it busy.
 */
final class P3ErrorMapper {

    static final String SHUTTING_DOWN = "The payment service is restarting; try again in a moment";

    private P3ErrorMapper() {
    }

    static P3Error of(P3ErrorType type, String developerMessage) {
        return P3Error.of(type, message(type), developerMessage);
    }

    /** The error a refused {@code request} is answered with. */
    static P3Error fromPayment(PaymentException refusal, P3MessageType request) {
        P3ErrorType type = type(refusal.error(), request);
        return P3Error.of(type, refusal.error() == PaymentError.SHUTTING_DOWN ? SHUTTING_DOWN : message(type),
                refusal.getMessage());
    }

    static P3ErrorType type(PaymentError error, P3MessageType request) {
        return switch (error) {
            case UNKNOWN_TERMINAL -> P3ErrorType.ACCESSORY_NOT_FOUND;
            case TERMINAL_BUSY, TERMINAL_ELSEWHERE, SHUTTING_DOWN -> P3ErrorType.TRANSACTION_BUSY;
            case IDEMPOTENCY_CONFLICT, REFERENCE_UNRESOLVED, INVALID_REQUEST, UNSUPPORTED ->
                    P3ErrorType.PARAMETER_INVALID;
            case REFERENCE_NOT_FOUND -> P3ErrorType.TRANSACTION_REFERENCE_NOT_FOUND;
            case NOT_ABORTABLE -> P3ErrorType.TRANSACTION_NO_LONGER_ABORTABLE;
            case NO_PENDING_ACTION -> P3ErrorType.TRANSACTION_ACTION_ERROR;
            case NO_ACTIVE_TRANSACTION -> request == P3MessageType.SUBMIT_SIGNATURE_REQUEST
                    ? P3ErrorType.TRANSACTION_ACTION_ERROR : P3ErrorType.TRANSACTION_REFERENCE_NOT_FOUND;
            case INTERNAL -> P3ErrorType.INTERNAL_INCONSISTENCY;
        };
    }

    static String message(P3ErrorType type) {
        return switch (type) {
            case PARAMETER_MISSING -> "A required parameter is missing";
            case PARAMETER_INVALID -> "A parameter is invalid";
            case ACCESSORY_NOT_FOUND -> "Device not found";
            case SERVER_AUTHENTICATION_FAILED -> "Merchant authentication failed";
            case TRANSACTION_BUSY -> "The device is busy with another transaction";
            case TRANSACTION_NO_LONGER_ABORTABLE -> "Transaction can no longer be aborted";
            case TRANSACTION_REFERENCE_NOT_FOUND -> "Transaction not found";
            case TRANSACTION_ACTION_ERROR -> "The action could not be completed";
            case INTERNAL_INCONSISTENCY -> "Internal server error";
        };
    }
}
