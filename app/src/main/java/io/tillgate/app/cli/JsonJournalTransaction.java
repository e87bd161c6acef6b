package io.tillgate.app.cli;

import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.transaction.TransactionEvent;
import io.tillgate.core.transaction.TransactionRecord;
import java.util.Map;

/**
 * A journal row in the JSON documents of {@code journal list} and {@code journal show}: the fields
 * {@code journal show} prints, under the names docs/cli-json.md lists.
 *
 * @param requestReference the protocol's id of the request (P3 tag, nexo ServiceID, IPP SID)
 * @param reference the POS's own reference (P3 customIdentifier, IPP REFERENCE, …)
 * @param originalId for refunds, reversals and captures: the transaction referred to
 * @param outcome the terminal's final report; {@code null} while the transaction is not final
 */
record JsonJournalTransaction(
        String id,
        String state,
        String kind,
        JsonAmount amount,
        String merchant,
        String terminal,
        String protocol,
        String requestReference,
        String reference,
        String originalId,
        String subject,
        boolean captured,
        String createdAt,
        String updatedAt,
        Outcome outcome) {

    /**
     * What the terminal reported.
     *
     * @param reason a short machine-readable detail ({@code ISSUER_DECLINED}, {@code TERMINAL_TIMEOUT}, …)
     * @param approvedAmount what was approved (less than requested for a partial approval)
     * @param rawResultCodes the terminal protocol's own result codes
     */
    record Outcome(
            String result,
            String reason,
            JsonAmount approvedAmount,
            JsonCard card,
            String authorizationCode,
            String terminalReference,
            String acquirerReference,
            Map<String, String> rawResultCodes) {

        static Outcome of(TransactionOutcome o) {
            if (o == null) {
                return null;
            }
            JsonCard card = o.maskedPan() == null ? null : JsonCard.of(o.maskedPan().value(), o.scheme().name(),
                    o.entryMode().name(), o.verification().name());
            return new Outcome(o.result().name(), o.reason(), JsonAmount.of(o.approvedAmount()), card,
                    o.authorisationCode(), o.terminalReference(), o.acquirerReference(), o.rawResultCodes());
        }
    }

    /**
     * One step of a transaction's history; {@code actor} is the account that made it, if any, and
     * {@code node} the cluster node that wrote it, if the journal is shared by several.
     */
    record Event(String at, String state, String note, String actor, String node) {

        static Event of(TransactionEvent e) {
            return new Event(e.at().toString(), e.state().name(), e.note(), e.actor(), e.node());
        }
    }

    static JsonJournalTransaction of(TransactionRecord t) {
        return new JsonJournalTransaction(t.id(), t.state().name(), t.kind().name(), JsonAmount.of(t.amount()),
                t.merchantId(), t.terminalId(), t.protocol(), t.requestReference(), t.reference(),
                t.originalTransactionId(), t.subject(), t.captured(), t.createdAt().toString(),
                t.updatedAt().toString(), Outcome.of(t.outcome()));
    }
}
