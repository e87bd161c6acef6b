package io.tillgate.core.transaction;

/**
 * A new transaction the journal refuses because another one, perhaps started on another node of a
 * cluster, already runs with the same message identity or POS reference, or has an unknown outcome.
 */
public final class ClaimConflictException extends RuntimeException {

    private final String existingTransactionId;

    public ClaimConflictException(String transactionId, String claim, String existingTransactionId) {
        super("transaction " + transactionId + " not recorded: " + claim + " is already taken by transaction "
                + existingTransactionId);
        this.existingTransactionId = existingTransactionId;
    }

    /** The transaction that holds the claim. */
    public String existingTransactionId() {
        return existingTransactionId;
    }
}
