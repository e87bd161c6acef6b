package io.tillgate.app.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.transaction.TransactionRecord;

/** One exported transaction: flat, so CSV and JSON carry the same columns. */
@JsonPropertyOrder({"id", "createdAt", "updatedAt", "merchant", "terminal", "protocol", "requestReference",
    "reference", "kind", "amount", "currency", "state", "reason", "approvedAmount", "maskedPan", "scheme",
    "entryMode", "verification", "authorisationCode", "terminalReference", "acquirerReference",
    "originalTransactionId", "captured"})
record JournalExportRow(
        String id,
        String createdAt,
        String updatedAt,
        String merchant,
        String terminal,
        String protocol,
        String requestReference,
        String reference,
        String kind,
        String amount,
        String currency,
        String state,
        String reason,
        String approvedAmount,
        String maskedPan,
        String scheme,
        String entryMode,
        String verification,
        String authorisationCode,
        String terminalReference,
        String acquirerReference,
        String originalTransactionId,
        boolean captured) {

    static JournalExportRow of(TransactionRecord t) {
        TransactionOutcome o = t.outcome();
        return new JournalExportRow(t.id(), t.createdAt().toString(), t.updatedAt().toString(), t.merchantId(),
                t.terminalId(), t.protocol(), t.requestReference(), t.reference(), t.kind().name(),
                t.amount().toMajor().toPlainString(), t.amount().currency().getCurrencyCode(), t.state().name(),
                o == null ? null : o.reason(),
                o == null || o.approvedAmount() == null ? null : o.approvedAmount().toMajor().toPlainString(),
                o == null || o.maskedPan() == null ? null : o.maskedPan().value(),
                o == null ? null : o.scheme().name(), o == null ? null : o.entryMode().name(),
                o == null ? null : o.verification().name(), o == null ? null : o.authorisationCode(),
                o == null ? null : o.terminalReference(), o == null ? null : o.acquirerReference(),
                t.originalTransactionId(), t.captured());
    }
}
