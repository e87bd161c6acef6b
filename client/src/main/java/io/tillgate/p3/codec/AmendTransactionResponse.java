package io.tillgate.p3.codec;

/** The new refund transaction, or the captured one (docs/protocols/p3.md §3.8). */
public record AmendTransactionResponse(P3Transaction transaction) implements P3Body {

    @Override
    public P3MessageType messageType() {
        return P3MessageType.AMEND_TRANSACTION_RESPONSE;
    }
}
