package io.tillgate.p3.codec;

import java.util.List;

/**
 * Progress of a running transaction (docs/protocols/p3.md §3.3). {@code information} is always exactly two
 * display lines (the second may be empty); {@code abortable} tells the client whether an abort
 * may still succeed.
 */
public record ExecuteTransactionUpdate(
        String state,
        String stateDetails,
        List<String> information,
        boolean abortable,
        P3Transaction transaction) implements P3Body {

    public ExecuteTransactionUpdate {
        information = P3Collections.twoLines(information);
    }

    @Override
    public P3MessageType messageType() {
        return P3MessageType.EXECUTE_TRANSACTION_UPDATE;
    }
}
