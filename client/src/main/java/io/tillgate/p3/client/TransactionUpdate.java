package io.tillgate.p3.client;

import io.tillgate.p3.codec.AmendTransactionUpdate;
import io.tillgate.p3.codec.ExecuteTransactionUpdate;
import io.tillgate.p3.codec.P3Transaction;
import java.util.List;

/**
 * One progress update of a charge (EXECUTE_TRANSACTION_UPDATE) or a refund/capture
 * (AMEND_TRANSACTION_UPDATE), in the shape both share, so one listener can show both.
 *
 * @param state the process state, e.g. {@code WAITING_FOR_CARD_PRESENTATION}
 * @param stateDetails the finer state, e.g. {@code PROCESSING_WAITING_FOR_CARD_PRESENTATION}
 * @param information exactly two display lines to show as-is (the second may be empty)
 * @param abortable whether an abort may still succeed: offer abort only while the last update said so
 * @param transaction the transaction so far; {@code null} for amend updates, which carry none
 * @param handle the running transaction, to abort it from here ({@code handle().abort()})
 */
public record TransactionUpdate(
        String state,
        String stateDetails,
        List<String> information,
        boolean abortable,
        P3Transaction transaction,
        TransactionHandle handle) {

    public TransactionUpdate {
        information = List.copyOf(information);
    }

    static TransactionUpdate of(ExecuteTransactionUpdate update, TransactionHandle handle) {
        return new TransactionUpdate(update.state(), update.stateDetails(), update.information(),
                update.abortable(), update.transaction(), handle);
    }

    static TransactionUpdate of(AmendTransactionUpdate update, TransactionHandle handle) {
        return new TransactionUpdate(update.state(), update.stateDetails(), update.information(),
                update.abortable(), null, handle);
    }
}
