package io.tillgate.core.transaction;

/**
 * A write the journal refuses because the node no longer holds the terminal's lease under the
 * epoch the write carries: another node took the terminal over (docs/cluster.md). The write is not
 * recorded; the new holder recovers the transaction.
 */
public final class FencedWriteException extends RuntimeException {

    private final String terminalId;

    public FencedWriteException(String transactionId, String terminalId, String why) {
        super("transaction " + transactionId + " on terminal " + terminalId + " not recorded: " + why);
        this.terminalId = terminalId;
    }

    public String terminalId() {
        return terminalId;
    }
}
