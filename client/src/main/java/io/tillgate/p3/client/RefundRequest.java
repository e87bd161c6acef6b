package io.tillgate.p3.client;

import io.tillgate.core.money.Money;
import java.util.Objects;

/**
 * A refund of an earlier transaction (AMEND_TRANSACTION type REFUND). As for a charge, the request
 * tag is fixed before anything is sent: store it first, and a refund cut off by a lost connection
 * (or a crashed POS) can be looked up later by it ({@link QueryKey#byTag}).
 *
 * @param originalIdentifier the {@code identifier} of the transaction to refund
 * @param amount the amount of a partial refund; {@code null} refunds all that is left
 * @param subject printed as the description, or {@code null}
 * @param customIdentifier the merchant's own reference for the refund, or {@code null}
 * @param tag the request tag; a random UUID when {@code null}
 */
public record RefundRequest(String originalIdentifier, Money amount, String subject, String customIdentifier,
                            String tag) {

    public RefundRequest {
        Objects.requireNonNull(originalIdentifier, "originalIdentifier");
        if (originalIdentifier.isEmpty()) {
            throw new IllegalArgumentException("originalIdentifier must not be empty");
        }
        tag = RequestTags.orRandom(tag);
    }

    /** A refund of all that is left of {@code originalIdentifier}, under a fresh tag. */
    public static RefundRequest of(String originalIdentifier) {
        return new RefundRequest(originalIdentifier, null, null, null, null);
    }

    public RefundRequest withAmount(Money value) {
        return new RefundRequest(originalIdentifier, value, subject, customIdentifier, tag);
    }

    public RefundRequest withSubject(String value) {
        return new RefundRequest(originalIdentifier, amount, value, customIdentifier, tag);
    }

    public RefundRequest withCustomIdentifier(String value) {
        return new RefundRequest(originalIdentifier, amount, subject, value, tag);
    }

    public RefundRequest withTag(String value) {
        return new RefundRequest(originalIdentifier, amount, subject, customIdentifier,
                Objects.requireNonNull(value, "tag"));
    }
}
