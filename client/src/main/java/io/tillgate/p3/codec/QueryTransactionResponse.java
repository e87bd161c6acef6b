package io.tillgate.p3.codec;

/** The stored transaction; its {@code status} tells whether it is final yet (docs/protocols/p3.md §3.9). */
public record QueryTransactionResponse(P3Transaction transaction) implements P3Body {

    @Override
    public P3MessageType messageType() {
        return P3MessageType.QUERY_TRANSACTION_RESPONSE;
    }
}
