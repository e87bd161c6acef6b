package io.tillgate.core.service;

/**
 * What a POS's reference ({@link io.tillgate.core.payment.PaymentCommand#reference()}) guards
 * against when a new request carries one that earlier transactions of the same kind carried.
 *
 * <p>A reference is the POS's id for a sale, and it repeats legitimately: a retry with another card
 * after a decline, each card of a split tender, a POS that sends one order number for everything.
 * So by itself it starts a new transaction. Every protocol shares two exceptions: while a
 * transaction with the reference runs, and while one with it has an UNKNOWN outcome (refused with
 * {@link PaymentError#REFERENCE_UNRESOLVED} until an operator resolves it, since the customer may
 * already have paid). The protocols differ only in what they promise beyond that.
 *
 * <p>The same <em>message</em> sent again (P3 tag, IPP SID, nexo SaleID + ServiceID) is a different
 * matter: it always names its first transaction, whatever the rule.
 */
public enum ReferenceRule {

    /**
     * P3 {@code customIdentifier}: a request with the reference of a running transaction joins it,
     * and one with the reference of an approval within the idempotency window gets that approval,
     * because P3 POS software retries with the same {@code customIdentifier} to be safe. After a
     * decline, an abort or a failure it is a new attempt.
     */
    RETRY_RETURNS_APPROVAL,

    /**
     * An order number (IPP {@code REFERENCE}, nexo {@code SaleTransactionID}, Concert {@code CF}):
     * a request with the reference of a running transaction is answered busy, as a terminal would;
     * otherwise it is a new payment, whatever happened to the earlier ones.
     */
    ORDER_NUMBER
}
