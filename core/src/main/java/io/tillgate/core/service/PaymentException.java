package io.tillgate.core.service;

import java.util.Objects;

/** A refused request, with the reason as a {@link PaymentError}. */
public final class PaymentException extends RuntimeException {

    private final PaymentError error;

    public PaymentException(PaymentError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    public PaymentError error() {
        return error;
    }

    /** Unwraps the {@code PaymentException} a future failed with, or wraps an unexpected failure. */
    public static PaymentException from(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof PaymentException payment) {
            return payment;
        }
        return new PaymentException(PaymentError.INTERNAL, cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }
}
