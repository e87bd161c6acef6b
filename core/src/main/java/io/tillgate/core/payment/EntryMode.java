package io.tillgate.core.payment;

/** How the card was read. */
public enum EntryMode {
    CHIP,
    CONTACTLESS,
    MAGSTRIPE,
    MANUAL,
    UNKNOWN
}
