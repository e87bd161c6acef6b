package io.tillgate.core.service;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of {@link PaymentService}.
 *
 * @param transactionTimeout how long a terminal may take before the outcome is declared UNKNOWN
 * @param idempotencyWindow how long a message identity keeps naming its transaction, and how far back the
 *     rules of {@link ReferenceRule} look
 */
public record PaymentServiceSettings(Duration transactionTimeout, Duration idempotencyWindow) {

    public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofMinutes(3);
    public static final Duration DEFAULT_IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    public PaymentServiceSettings {
        requirePositive(transactionTimeout, "transactionTimeout");
        requirePositive(idempotencyWindow, "idempotencyWindow");
    }

    public static PaymentServiceSettings defaults() {
        return new PaymentServiceSettings(DEFAULT_TRANSACTION_TIMEOUT, DEFAULT_IDEMPOTENCY_WINDOW);
    }

    public PaymentServiceSettings withTransactionTimeout(Duration timeout) {
        return new PaymentServiceSettings(timeout, idempotencyWindow);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
