package io.tillgate.admin.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.transaction.TransactionRecord;
import java.util.List;

/**
 * One exported transaction: flat, so CSV and JSON carry the same columns, whether exported by
 * {@code tillgate journal export} or the admin API.
 */
@JsonPropertyOrder({"id", "createdAt", "updatedAt", "merchant", "terminal", "protocol", "requestReference",
    "reference", "kind", "amount", "currency", "state", "reason", "approvedAmount", "maskedPan", "scheme",
    "entryMode", "verification", "authorisationCode", "terminalReference", "acquirerReference",
    "originalTransactionId", "captured"})
public record ExportRow(
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

    public static ExportRow of(TransactionRecord t) {
        TransactionOutcome o = t.outcome();
        return new ExportRow(t.id(), t.createdAt().toString(), t.updatedAt().toString(), t.merchantId(),
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

    /** Rows as CSV with a header line, or as a JSON array. */
    public static String write(List<ExportRow> rows, boolean csv) {
        try {
            if (csv) {
                CsvMapper mapper = new CsvMapper();
                return mapper.writer(mapper.schemaFor(ExportRow.class).withHeader()).writeValueAsString(rows);
            }
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("export rows are plain strings and always serialise", e);
        }
    }
}
