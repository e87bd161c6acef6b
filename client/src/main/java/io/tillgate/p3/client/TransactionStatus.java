package io.tillgate.p3.client;

import io.tillgate.p3.codec.P3Transaction;
import java.util.Locale;

/**
 * The {@code status} of a P3 transaction (docs/protocols/p3.md §5.3), read case-insensitively. The wire keeps it a
 * string; this enum is for deciding what to do with it: is it final, was it approved.
 */
public enum TransactionStatus {
    /** Not a status this client knows, or none at all. */
    UNKNOWN,
    INITIALIZED,
    PENDING,
    /** Accepted offline, to be uploaded later; not final. */
    ACCEPTED,
    APPROVED,
    DECLINED,
    ABORTED,
    ERROR,
    /** The outcome could not be established (e.g. the terminal never answered). */
    INCONCLUSIVE;

    /** The status of a wire value, ignoring case; {@link #UNKNOWN} for anything unrecognised. */
    public static TransactionStatus of(String status) {
        if (status == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** The status of a transaction; {@link #UNKNOWN} for {@code null}. */
    public static TransactionStatus of(P3Transaction transaction) {
        return transaction == null ? UNKNOWN : of(transaction.status());
    }

    /** Whether the transaction will not change any more. */
    public boolean isFinal() {
        return switch (this) {
            case APPROVED, DECLINED, ABORTED, ERROR, INCONCLUSIVE -> true;
            default -> false;
        };
    }
}
