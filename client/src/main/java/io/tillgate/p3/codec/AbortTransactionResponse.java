package io.tillgate.p3.codec;

/**
 * "Abort requested" — never the end of the transaction; the execute response always follows
 * (docs/protocols/p3.md §3.6). Empty, and substituted when a server omits it on an OK response.
 */
public record AbortTransactionResponse() implements P3Body {

    @Override
    public P3MessageType messageType() {
        return P3MessageType.ABORT_TRANSACTION_RESPONSE;
    }
}
