package io.tillgate.p3.codec;

/**
 * Whether the transaction can still be refunded: {@code NON_REFUNDABLE},
 * {@code REFUNDABLE_PARTIAL_AND_FULL}, {@code REFUNDABLE_FULL_ONLY}, {@code REFUNDED} (SDK names).
 */
public record P3RefundDetails(String status) {
}
