package io.tillgate.core.payment;

import io.tillgate.core.money.Money;
import java.util.Objects;

/**
 * A request for money to move, in Tillgate's own terms.
 *
 * @param kind what to do
 * @param amount the amount; for refunds and captures {@code null} means the full original amount
 * @param reference the POS's own id for the sale (P3 customIdentifier, IPP REFERENCE, nexo
 *     SaleTransactionID, Concert CF), or {@code null}; blank counts as none. It is recorded and
 *     searchable, and it may repeat: a retry after a decline, split tender and a constant order
 *     number all carry the same one. It is not what identifies a message sent twice; see
 *     {@link io.tillgate.core.service.ReferenceRule} for the few cases where it refuses or repeats.
 * @param originalTransactionId the gateway id of the transaction a refund, reversal or capture
 *     refers to; {@code null} only for an {@linkplain #unlinkedRefund unlinked refund}
 * @param subject free text printed on the receipt, or {@code null}
 */
public record PaymentCommand(
        PaymentKind kind, Money amount, String reference, String originalTransactionId, String subject) {

    public PaymentCommand {
        Objects.requireNonNull(kind, "kind");
        reference = reference == null || reference.isBlank() ? null : reference;
        if (amount == null && !kind.needsOriginal()) {
            throw new IllegalArgumentException("a " + kind + " needs an amount");
        }
        if (amount != null && !amount.isPositive()) {
            throw new IllegalArgumentException("amount must be positive, was " + amount);
        }
        boolean unlinkedRefund = kind == PaymentKind.REFUND && amount != null;
        if (kind.needsOriginal() && originalTransactionId == null && !unlinkedRefund) {
            throw new IllegalArgumentException("a " + kind + " needs the original transaction id");
        }
    }

    public static PaymentCommand sale(Money amount, String reference, String subject) {
        return new PaymentCommand(PaymentKind.SALE, amount, reference, null, subject);
    }

    /**
     * A refund that refers to no earlier transaction (a card-present credit, as Concert and other
     * terminal protocols send it): it needs an amount and runs on the terminal the request names.
     */
    public static PaymentCommand unlinkedRefund(Money amount, String reference, String subject) {
        return new PaymentCommand(PaymentKind.REFUND, Objects.requireNonNull(amount, "amount"), reference, null,
                subject);
    }

    public static PaymentCommand preauth(Money amount, String reference, String subject) {
        return new PaymentCommand(PaymentKind.PREAUTH, amount, reference, null, subject);
    }
}
