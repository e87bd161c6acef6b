package io.tillgate.ipp.codec;

/**
 * How a property's value is laid out between {@code =} and the final CR LF (docs/protocols/ipp.md §1). Binary
 * layouts are read by length, never by scanning for CR LF, because their bytes may contain it.
 */
public enum IppValueLayout {
    /** Printable ASCII up to CR LF. */
    ASCII,
    /** UTF-8 text up to CR LF ({@code DISPLAY_TEXT_ROW1..5}). */
    UTF8,
    /**
     * A 2-byte big-endian length prefix, then that many bytes ({@code DATA}, {@code CERT}). From the
     * terminal the prefix counts itself; towards the terminal it counts the payload only (§9).
     */
    LENGTH_PREFIXED,
    /** Exactly 20 raw bytes: the SHA-1 of a certificate ({@code FINGERPRINT}). */
    FINGERPRINT,
    /** N × 21 bytes: a 20-byte fingerprint and {@code ;} each ({@code CHAIN}, …). */
    FINGERPRINT_LIST,
    /** Raw bytes in a code page up to CR LF, which they must not contain ({@code PRINT_DATA}). */
    RAW;

    /** Whether the value is held as bytes rather than text. */
    public boolean binary() {
        return this != ASCII && this != UTF8;
    }
}
