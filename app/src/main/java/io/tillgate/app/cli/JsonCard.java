package io.tillgate.app.cli;

/**
 * The card of a transaction in a JSON document. The number is only ever masked (first 6 and last 4
 * digits at most), even if a server sent more of it; expiry and track data are never shown.
 *
 * @param maskedNumber e.g. {@code 516815******9659}, or {@code null}
 * @param scheme e.g. {@code VISA}, as the source names it
 * @param entryMode how the card was read ({@code CHIP}, {@code CONTACTLESS}, …)
 * @param verification how the cardholder was verified ({@code PIN}, {@code SIGNATURE}, {@code NONE}, …)
 */
record JsonCard(String maskedNumber, String scheme, String entryMode, String verification) {

    static JsonCard of(String cardNumber, String scheme, String entryMode, String verification) {
        return new JsonCard(cardNumber == null ? null : TransactionPrinter.masked(cardNumber), scheme, entryMode,
                verification);
    }
}
