package io.tillgate.core.payment;

/** How the cardholder proved they own the card. */
public enum CardholderVerification {
    NONE,
    PIN,
    SIGNATURE,
    CUSTOMER_DEVICE,
    UNKNOWN
}
