package io.tillgate.p3.codec;

/** How the card paid: {@code scheme} ({@code VISA}, …), {@code source}, {@code customerVerification}. */
public record P3PaymentDetails(String scheme, String source, String customerVerification) {
}
