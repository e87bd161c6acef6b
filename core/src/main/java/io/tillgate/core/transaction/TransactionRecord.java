package io.tillgate.core.transaction;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import java.time.Instant;
import java.util.Objects;

/**
 * What the gateway knows about one transaction: the journal row.
 *
 * @param id the gateway id, 32 lowercase hex characters
 * @param merchantId the merchant that owns it
 * @param terminalId the terminal that runs it
 * @param protocol the front-end protocol it came in through ({@code P3}, …)
 * @param requestReference the protocol's id of the request (P3 tag, nexo ServiceID, IPP SID)
 * @param kind what it does
 * @param amount the requested amount
 * @param reference the POS's own id (P3 customIdentifier), or {@code null}
 * @param originalTransactionId for refunds, reversals and captures: the transaction referred to
 * @param subject receipt text, or {@code null}
 * @param captured whether an approved sale's funds are captured (false for an uncaptured pre-auth)
 * @param signatureOnReceipt whether the customer signs the printed merchant receipt
 * @param state the journal state
 * @param outcome the terminal's final report, {@code null} until final
 * @param createdAt when the gateway recorded it
 * @param updatedAt the last state change
 */
public record TransactionRecord(
        String id,
        String merchantId,
        String terminalId,
        String protocol,
        String requestReference,
        PaymentKind kind,
        Money amount,
        String reference,
        String originalTransactionId,
        String subject,
        boolean captured,
        boolean signatureOnReceipt,
        TransactionState state,
        TransactionOutcome outcome,
        Instant createdAt,
        Instant updatedAt) {

    public TransactionRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public TransactionRecord withState(TransactionState next, Instant at) {
        return new TransactionRecord(id, merchantId, terminalId, protocol, requestReference, kind, amount,
                reference, originalTransactionId, subject, captured, signatureOnReceipt, next, outcome,
                createdAt, at);
    }

    public TransactionRecord withOutcome(TransactionOutcome finalOutcome, boolean nowCaptured, Instant at) {
        return new TransactionRecord(id, merchantId, terminalId, protocol, requestReference, kind, amount,
                reference, originalTransactionId, subject, nowCaptured, signatureOnReceipt,
                TransactionState.of(finalOutcome.result()), finalOutcome, createdAt, at);
    }

    public TransactionRecord withCaptured(Instant at) {
        return new TransactionRecord(id, merchantId, terminalId, protocol, requestReference, kind, amount,
                reference, originalTransactionId, subject, true, signatureOnReceipt, state, outcome,
                createdAt, at);
    }

    public TransactionRecord withSignatureOnReceipt() {
        return new TransactionRecord(id, merchantId, terminalId, protocol, requestReference, kind, amount,
                reference, originalTransactionId, subject, captured, true, state, outcome, createdAt,
                updatedAt);
    }

    public boolean isFinal() {
        return state.isFinal();
    }
}
