package io.tillgate.p3.codec;

/** The shopper account of an alternative payment method (Alipay: {@code QR_CODE} / {@code ALIPAY}). */
public record AccountParameters(String shopperAccountIdentifier, String source, String scheme) {
}
