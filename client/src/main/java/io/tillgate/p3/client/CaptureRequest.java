package io.tillgate.p3.client;

import io.tillgate.core.money.Money;
import java.util.Objects;

/**
 * The capture of a pre-authorisation (a charge with {@code autoCapture=false}; AMEND_TRANSACTION type
 * CAPTURE), under a request tag fixed before anything is sent so it can be looked up later
 * ({@link QueryKey#byTag}).
 *
 * @param originalIdentifier the {@code identifier} of the authorisation
 * @param amount the amount to capture; {@code null} captures the whole authorisation
 * @param tag the request tag; a random UUID when {@code null}
 */
public record CaptureRequest(String originalIdentifier, Money amount, String tag) {

    public CaptureRequest {
        Objects.requireNonNull(originalIdentifier, "originalIdentifier");
        if (originalIdentifier.isEmpty()) {
            throw new IllegalArgumentException("originalIdentifier must not be empty");
        }
        tag = RequestTags.orRandom(tag);
    }

    /** A capture of the whole authorisation, under a fresh tag. */
    public static CaptureRequest of(String originalIdentifier) {
        return new CaptureRequest(originalIdentifier, null, null);
    }

    public CaptureRequest withAmount(Money value) {
        return new CaptureRequest(originalIdentifier, value, tag);
    }

    public CaptureRequest withTag(String value) {
        return new CaptureRequest(originalIdentifier, amount, Objects.requireNonNull(value, "tag"));
    }
}
