package io.tillgate.p3.codec;

/**
 * The card as far as it may be shown: a masked PAN (first 6 + last 4, {@code 516815******9659},
 * never a full PAN) and the expiry ({@code 0} until known).
 */
public record P3CardDetails(String maskedCardNumber, Integer expiryMonth, Integer expiryYear) {
}
