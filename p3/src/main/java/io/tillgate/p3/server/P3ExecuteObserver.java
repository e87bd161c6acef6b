package io.tillgate.p3.server;

import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.p3.codec.ExecuteTransactionAction;
import io.tillgate.p3.codec.ExecuteTransactionResponse;
import io.tillgate.p3.codec.ExecuteTransactionUpdate;
import io.tillgate.p3.codec.P3Body;
import io.tillgate.p3.codec.P3Message;
import io.tillgate.p3.codec.P3Transaction;
import java.util.function.Consumer;

/**
 * An EXECUTE_TRANSACTION_REQUEST watching its card payment: updates with the terminal's display
 * lines and a truthful {@code abortable} flag, the CUSTOMER_SIGNATURE action, and the final
 * EXECUTE_TRANSACTION_RESPONSE (docs/protocols/p3.md §3.3–3.5).
 */
final class P3ExecuteObserver extends P3OperationObserver {

    P3ExecuteObserver(P3Message request, P3Outbox outbox, P3TransactionMapper mapper,
            Consumer<P3OperationObserver> onFinished) {
        super(request, outbox, mapper, onFinished);
    }

    @Override
    P3Body update(TransactionRecord transaction, TerminalStatus status) {
        P3ProcessState state = P3ProcessState.of(status.phase());
        return new ExecuteTransactionUpdate(state.state(), state.stateDetails(), status.display(), status.abortable(),
                mapper.toP3(transaction));
    }

    /** P3 knows one action: a terminal's signature check is asked as CUSTOMER_SIGNATURE too. */
    @Override
    P3Body action(TransactionRecord transaction, TerminalAction action) {
        return new ExecuteTransactionAction(ExecuteTransactionAction.CUSTOMER_SIGNATURE, mapper.toP3(transaction));
    }

    @Override
    void respond(TransactionRecord settled) {
        outbox.publish(response(settled, mapper.toP3(settled)));
    }

    @Override
    P3Body responseBody(P3Transaction transaction) {
        return new ExecuteTransactionResponse(transaction);
    }
}
