package io.tillgate.p3.codec;

/** The final transaction of an execute request; sent exactly once, also after an abort (§3.5). */
public record ExecuteTransactionResponse(P3Transaction transaction) implements P3Body {

    @Override
    public P3MessageType messageType() {
        return P3MessageType.EXECUTE_TRANSACTION_RESPONSE;
    }
}
