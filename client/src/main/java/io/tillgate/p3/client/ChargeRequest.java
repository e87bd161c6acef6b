package io.tillgate.p3.client;

import io.tillgate.core.money.Money;
import io.tillgate.p3.codec.P3Message;
import java.util.Objects;

/**
 * A card payment to run on a device. The request tag is fixed here, before anything is sent, so a
 * caller can store it first and ask a Tillgate server for the outcome later whatever happens
 * ({@link QueryKey#byTag}).
 *
 * @param deviceIdentifier the device, as its identifier ({@code sim-1}) or its resource
 *     ({@code devices/sim-1}); kept as the identifier
 * @param amount what to charge; sent with exactly the currency's exponent digits
 * @param subject printed as the description, or {@code null}
 * @param customIdentifier the merchant's own reference, or {@code null}
 * @param autoCapture {@code false} for a pre-authorisation to be captured later
 * @param tag the request tag; a random UUID when {@code null}
 */
public record ChargeRequest(
        String deviceIdentifier,
        Money amount,
        String subject,
        String customIdentifier,
        boolean autoCapture,
        String tag) {

    public ChargeRequest {
        deviceIdentifier = identifierOf(deviceIdentifier);
        Objects.requireNonNull(amount, "amount");
        tag = RequestTags.orRandom(tag);
    }

    /** A captured payment without subject or reference, under a fresh tag. */
    public static ChargeRequest of(String deviceIdentifier, Money amount) {
        return new ChargeRequest(deviceIdentifier, amount, null, null, true, null);
    }

    public ChargeRequest withSubject(String value) {
        return new ChargeRequest(deviceIdentifier, amount, value, customIdentifier, autoCapture, tag);
    }

    public ChargeRequest withCustomIdentifier(String value) {
        return new ChargeRequest(deviceIdentifier, amount, subject, value, autoCapture, tag);
    }

    public ChargeRequest withAutoCapture(boolean value) {
        return new ChargeRequest(deviceIdentifier, amount, subject, customIdentifier, value, tag);
    }

    public ChargeRequest withTag(String value) {
        return new ChargeRequest(deviceIdentifier, amount, subject, customIdentifier, autoCapture,
                Objects.requireNonNull(value, "tag"));
    }

    /** {@code devices/<identifier>}, where the request is sent. */
    public String resource() {
        return P3Message.deviceResource(deviceIdentifier);
    }

    /** Accepts an identifier or a {@code devices/<id>} resource and returns the identifier. */
    static String identifierOf(String deviceOrResource) {
        Objects.requireNonNull(deviceOrResource, "device");
        String id = deviceOrResource.startsWith(P3Message.DEVICES_PREFIX)
                ? deviceOrResource.substring(P3Message.DEVICES_PREFIX.length())
                : deviceOrResource;
        if (id.isEmpty()) {
            throw new IllegalArgumentException("device identifier must not be empty");
        }
        return id;
    }
}
