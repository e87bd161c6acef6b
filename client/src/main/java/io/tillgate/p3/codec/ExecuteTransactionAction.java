package io.tillgate.p3.codec;

/**
 * The transaction is paused until the client answers (docs/protocols/p3.md §3.4). {@code "SIGNATURE"} is read as
 * an alias and normalised to {@link #CUSTOMER_SIGNATURE}, so code downstream compares one name.
 */
public record ExecuteTransactionAction(String action, P3Transaction transaction) implements P3Body {

    /** The only action Tillgate emits: the customer must sign (answer with SUBMIT_SIGNATURE). */
    public static final String CUSTOMER_SIGNATURE = "CUSTOMER_SIGNATURE";

    /** Accepted when reading, never emitted. */
    public static final String SIGNATURE_ALIAS = "SIGNATURE";

    public ExecuteTransactionAction {
        if (SIGNATURE_ALIAS.equals(action)) {
            action = CUSTOMER_SIGNATURE;
        }
    }

    @Override
    public P3MessageType messageType() {
        return P3MessageType.EXECUTE_TRANSACTION_ACTION;
    }
}
