package io.tillgate.core.payment;

/** Card brands Tillgate can name; {@link #UNKNOWN} when the terminal did not say. */
public enum CardScheme {
    VISA,
    VISA_ELECTRON,
    MASTERCARD,
    MAESTRO,
    AMERICAN_EXPRESS,
    CB,
    UNKNOWN
}
