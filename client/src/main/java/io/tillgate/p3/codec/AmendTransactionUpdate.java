package io.tillgate.p3.codec;

import java.util.List;

/** Progress of a refund or capture (docs/protocols/p3.md §3.8); same display rules as the execute update. */
public record AmendTransactionUpdate(
        String state,
        String stateDetails,
        List<String> information,
        boolean abortable) implements P3Body {

    public AmendTransactionUpdate {
        information = P3Collections.twoLines(information);
    }

    @Override
    public P3MessageType messageType() {
        return P3MessageType.AMEND_TRANSACTION_UPDATE;
    }
}
