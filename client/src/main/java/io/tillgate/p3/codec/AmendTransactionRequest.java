package io.tillgate.p3.codec;

/**
 * Refunds or captures an earlier transaction (docs/protocols/p3.md §3.8): {@code transactionParameters.type} is
 * {@code REFUND} or {@code CAPTURE}, {@code referencedTransactionIdentifier} the original.
 */
public record AmendTransactionRequest(String mode, TransactionParameters transactionParameters) implements P3Body {

    @Override
    public P3MessageType messageType() {
        return P3MessageType.AMEND_TRANSACTION_REQUEST;
    }
}
