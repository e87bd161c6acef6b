package io.tillgate.p3.codec;

/**
 * Tillgate extension (docs/protocols/p3.md §3.9): recovers a transaction after a disconnect by one of its
 * identifier, the merchant's custom identifier, or the tag of the original request.
 */
public record QueryTransactionRequest(String identifier, String customIdentifier, String tag) implements P3Body {

    public static QueryTransactionRequest byIdentifier(String identifier) {
        return new QueryTransactionRequest(identifier, null, null);
    }

    public static QueryTransactionRequest byCustomIdentifier(String customIdentifier) {
        return new QueryTransactionRequest(null, customIdentifier, null);
    }

    public static QueryTransactionRequest byTag(String tag) {
        return new QueryTransactionRequest(null, null, tag);
    }

    @Override
    public P3MessageType messageType() {
        return P3MessageType.QUERY_TRANSACTION_REQUEST;
    }
}
