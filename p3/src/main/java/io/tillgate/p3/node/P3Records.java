package io.tillgate.p3.node;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.service.PaymentRequest;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.p3.codec.P3Transaction;
import java.time.Instant;

/**
 * A forwarded transaction as the holder's P3 messages show it, back in the core's terms: the request's
 * own fields, the holder's id, amount, state and time. Progress only; the final answer a POS hears is
 * read from the journal.
 */
final class P3Records {

    private P3Records() {
    }

    static TransactionRecord of(PaymentRequest request, String terminalId, P3Transaction p3, Instant now) {
        if (p3 == null || p3.identifier() == null) {
            throw new IllegalArgumentException("the holder's message names no transaction");
        }
        Money amount = p3.amount() != null && p3.currency() != null
                ? Money.ofMajor(p3.amount(), Money.currency(p3.currency()))
                : request.command().amount();
        TransactionState state = state(p3.status());
        TransactionOutcome outcome = state.isFinal() || state == TransactionState.UNKNOWN
                ? TransactionOutcome.of(TransactionResult.valueOf(state.name()),
                        reason(p3.status(), p3.statusDetails()))
                : null;
        Instant created = p3.createdTimestamp() == null ? now : Instant.ofEpochMilli(p3.createdTimestamp());
        return new TransactionRecord(p3.identifier(), request.merchantId(), terminalId, request.protocol(),
                request.requestReference(), request.command().kind(), amount, request.command().reference(),
                request.command().originalTransactionId(), request.command().subject(),
                Boolean.TRUE.equals(p3.captured()), false, state, outcome, created, now);
    }

    private static TransactionState state(String status) {
        if (status == null) {
            return TransactionState.IN_PROGRESS;
        }
        return switch (status) {
            case "APPROVED" -> TransactionState.APPROVED;
            case "DECLINED" -> TransactionState.DECLINED;
            case "ABORTED" -> TransactionState.ABORTED;
            case "ERROR" -> TransactionState.FAILED;
            case "INCONCLUSIVE" -> TransactionState.UNKNOWN;
            default -> TransactionState.IN_PROGRESS;
        };
    }

    /** {@code ABORTED_SHOPPER_ABORTED} → {@code SHOPPER_ABORTED}; none for a bare status. */
    private static String reason(String status, String details) {
        return details != null && details.startsWith(status + "_") ? details.substring(status.length() + 1) : null;
    }
}
