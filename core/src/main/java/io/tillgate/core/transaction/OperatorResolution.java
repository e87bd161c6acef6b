package io.tillgate.core.transaction;

import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import java.time.Instant;

/**
 * An operator's settling of an UNKNOWN transaction, after checking the acquirer's records: the money
 * moved (approved, for the amount asked) or it did not (declined). The same rule for the command line
 * and the admin console.
 */
public final class OperatorResolution {

    /** The outcome's reason, so that reports tell an operator's decision from a terminal's. */
    public static final String REASON = "OPERATOR_RESOLVED";

    private OperatorResolution() {
    }

    /**
     * The transaction as the operator settles it.
     *
     * @throws IllegalStateException naming the state when the transaction is not UNKNOWN
     */
    public static TransactionRecord settle(TransactionRecord transaction, boolean approved, Instant at) {
        if (transaction.state() != TransactionState.UNKNOWN) {
            throw new IllegalStateException("transaction " + transaction.id() + " is " + transaction.state()
                    + "; only UNKNOWN transactions can be resolved"
                    + (transaction.isFinal() ? "" : " (the gateway is still working on it, or has not been "
                            + "restarted since it stopped)"));
        }
        TransactionResult result = approved ? TransactionResult.APPROVED : TransactionResult.DECLINED;
        TransactionOutcome outcome = TransactionOutcome.builder(result).reason(REASON)
                .approvedAmount(approved ? transaction.amount() : null).build();
        return transaction.withOutcome(outcome, approved && transaction.kind() != PaymentKind.PREAUTH, at);
    }
}
