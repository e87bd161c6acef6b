package io.tillgate.p3.client;

import io.tillgate.p3.codec.QueryTransactionRequest;
import java.util.Objects;

/**
 * What to look a stored transaction up by with QUERY_TRANSACTION (Tillgate extension, docs/protocols/p3.md §3.9):
 * its identifier, the merchant's custom identifier, or the tag of the original request.
 */
public record QueryKey(Kind kind, String value) {

    /** The three keys a Tillgate server can look a transaction up by. */
    public enum Kind {
        IDENTIFIER,
        CUSTOM_IDENTIFIER,
        TAG
    }

    public QueryKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(kind + " must not be empty");
        }
    }

    public static QueryKey byIdentifier(String identifier) {
        return new QueryKey(Kind.IDENTIFIER, identifier);
    }

    public static QueryKey byCustomIdentifier(String customIdentifier) {
        return new QueryKey(Kind.CUSTOM_IDENTIFIER, customIdentifier);
    }

    public static QueryKey byTag(String tag) {
        return new QueryKey(Kind.TAG, tag);
    }

    QueryTransactionRequest toRequest() {
        return switch (kind) {
            case IDENTIFIER -> QueryTransactionRequest.byIdentifier(value);
            case CUSTOM_IDENTIFIER -> QueryTransactionRequest.byCustomIdentifier(value);
            case TAG -> QueryTransactionRequest.byTag(value);
        };
    }

    /** {@code tag=…}, {@code identifier=…}, {@code customIdentifier=…}. */
    @Override
    public String toString() {
        return switch (kind) {
            case IDENTIFIER -> "identifier=";
            case CUSTOM_IDENTIFIER -> "customIdentifier=";
            case TAG -> "tag=";
        } + value;
    }
}
