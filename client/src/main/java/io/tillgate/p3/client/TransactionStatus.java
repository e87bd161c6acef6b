package io.tillgate.p3.client;

import io.tillgate.p3.codec.P3Transaction;
import java.util.Locale;

/**
 * The {@code status} of a P3 transaction (docs/protocols/p3.md §5.3), read case-insensitively. The
 * wire value stays a string ({@link TransactionResult#rawStatus()}, {@link P3Transaction#status()}):
 * a value this client does not know is {@link #UNRECOGNISED}, never an error.
 */
public enum TransactionStatus {
    INITIALIZED,
    /** Running (Tillgate: created, sent to the terminal, in progress). */
    PENDING,
    /** Accepted offline, to be uploaded later; not final. */
    ACCEPTED,
    APPROVED,
    DECLINED,
    ABORTED,
    /** The terminal failed. */
    ERROR,
    /** The outcome could not be established (e.g. the terminal never answered): resolve it by hand. */
    INCONCLUSIVE,
    /** The SDK's own {@code UNKNOWN} status: not final. */
    UNKNOWN,
    /** A value this client does not know, or none at all; the raw string is kept where it came from. */
    UNRECOGNISED;

    /** The status of a wire value, ignoring case; {@link #UNRECOGNISED} for anything else. */
    public static TransactionStatus of(String status) {
        if (status == null) {
            return UNRECOGNISED;
        }
        String name = status.toUpperCase(Locale.ROOT);
        for (TransactionStatus value : values()) {
            if (value != UNRECOGNISED && value.name().equals(name)) {
                return value;
            }
        }
        return UNRECOGNISED;
    }

    /** The status of a transaction; {@link #UNRECOGNISED} for {@code null}. */
    public static TransactionStatus of(P3Transaction transaction) {
        return transaction == null ? UNRECOGNISED : of(transaction.status());
    }

    /** Whether the transaction will not change any more. */
    public boolean isFinal() {
        return switch (this) {
            case APPROVED, DECLINED, ABORTED, ERROR, INCONCLUSIVE -> true;
            default -> false;
        };
    }
}
