package io.tillgate.journal.internal;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.CardDataMasker;
import io.tillgate.core.payment.CardScheme;
import io.tillgate.core.payment.CardholderVerification;
import io.tillgate.core.payment.EntryMode;
import io.tillgate.core.payment.MaskedPan;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.journal.JournalException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Maps a {@link TransactionRecord} to a {@code transactions} row and back, the outcome flattened
 * into columns.
 *
 * <p>No full card number reaches the database: the PAN column only ever holds a {@link MaskedPan}
 * (checked again when read), and the free-text columns (subject, reason, receipts, raw codes) pass
 * through {@link CardDataMasker}, in case a terminal or a POS put a card number where none belongs.
 */
final class TransactionRows {

    /** What a transaction is, fixed when it is recorded, in binding order. */
    static final List<String> IDENTITY_COLUMNS = List.of("id", "merchant_id", "terminal_id", "protocol",
            "request_reference", "kind", "amount_minor", "currency", "reference", "original_transaction_id",
            "subject", "created_at");

    /** What an update may change, in binding order. */
    static final List<String> PROGRESS_COLUMNS = List.of("captured", "signature_on_receipt", "state", "result",
            "reason", "approved_amount_minor", "approved_currency", "masked_pan", "scheme", "entry_mode",
            "verification", "authorisation_code", "terminal_reference", "acquirer_reference", "merchant_receipt",
            "customer_receipt", "raw_result_codes", "updated_at");

    /** The select list that {@link #read} expects, and the insert's column list. */
    static final String SELECT_LIST = String.join(", ", IDENTITY_COLUMNS) + ", " + String.join(", ", PROGRESS_COLUMNS);

    private TransactionRows() {
    }

    /** The values of the {@link #IDENTITY_COLUMNS}. */
    static ColumnValues identity(TransactionRecord record) {
        return new ColumnValues()
                .text(record.id())
                .text(record.merchantId())
                .text(record.terminalId())
                .text(record.protocol())
                .text(record.requestReference())
                .text(record.kind().name())
                .number(record.amount().minorUnits())
                .text(record.amount().currency().getCurrencyCode())
                .text(record.reference())
                .text(record.originalTransactionId())
                .text(CardDataMasker.mask(record.subject()))
                .number(EpochMicros.of(record.createdAt()));
    }

    /** The values of the {@link #PROGRESS_COLUMNS}. */
    static ColumnValues progress(TransactionRecord record) {
        TransactionOutcome outcome = record.outcome();
        boolean none = outcome == null;
        Money approved = none ? null : outcome.approvedAmount();
        MaskedPan pan = none ? null : outcome.maskedPan();
        return new ColumnValues()
                .flag(record.captured())
                .flag(record.signatureOnReceipt())
                .text(record.state().name())
                .text(none ? null : outcome.result().name())
                .text(none ? null : CardDataMasker.mask(outcome.reason()))
                .number(approved == null ? null : approved.minorUnits())
                .text(approved == null ? null : approved.currency().getCurrencyCode())
                .text(pan == null ? null : pan.value())
                .text(none ? null : outcome.scheme().name())
                .text(none ? null : outcome.entryMode().name())
                .text(none ? null : outcome.verification().name())
                .text(none ? null : outcome.authorisationCode())
                .text(none ? null : outcome.terminalReference())
                .text(none ? null : outcome.acquirerReference())
                .text(none ? null : TextLines.joinLines(masked(outcome.merchantReceipt())))
                .text(none ? null : TextLines.joinLines(masked(outcome.customerReceipt())))
                .text(none ? null : TextLines.joinCodes(masked(outcome.rawResultCodes())))
                .number(EpochMicros.of(record.updatedAt()));
    }

    /** Reads a row selected with {@link #SELECT_LIST}. */
    static TransactionRecord read(ResultSet row) throws SQLException {
        String id = row.getString("id");
        try {
            return new TransactionRecord(id, row.getString("merchant_id"), row.getString("terminal_id"),
                    row.getString("protocol"), row.getString("request_reference"),
                    PaymentKind.valueOf(row.getString("kind")),
                    Money.ofMinor(row.getLong("amount_minor"), row.getString("currency")),
                    row.getString("reference"), row.getString("original_transaction_id"), row.getString("subject"),
                    row.getBoolean("captured"), row.getBoolean("signature_on_receipt"),
                    TransactionState.valueOf(row.getString("state")), readOutcome(row),
                    EpochMicros.toInstant(row.getLong("created_at")),
                    EpochMicros.toInstant(row.getLong("updated_at")));
        } catch (IllegalArgumentException e) {
            throw new JournalException("transaction " + id + " has an unreadable row: " + e.getMessage(), e);
        }
    }

    private static TransactionOutcome readOutcome(ResultSet row) throws SQLException {
        String result = row.getString("result");
        if (result == null) {
            return null;
        }
        long approvedMinor = row.getLong("approved_amount_minor");
        Money approved = row.wasNull() ? null : Money.ofMinor(approvedMinor, row.getString("approved_currency"));
        String pan = row.getString("masked_pan");
        return TransactionOutcome.builder(TransactionResult.valueOf(result))
                .reason(row.getString("reason"))
                .approvedAmount(approved)
                .card(pan == null ? null : new MaskedPan(pan), CardScheme.valueOf(row.getString("scheme")),
                        EntryMode.valueOf(row.getString("entry_mode")))
                .verification(CardholderVerification.valueOf(row.getString("verification")))
                .authorisationCode(row.getString("authorisation_code"))
                .references(row.getString("terminal_reference"), row.getString("acquirer_reference"))
                .receipts(TextLines.splitLines(row.getString("merchant_receipt")),
                        TextLines.splitLines(row.getString("customer_receipt")))
                .rawResultCodes(TextLines.splitCodes(row.getString("raw_result_codes")))
                .build();
    }

    private static List<String> masked(List<String> lines) {
        return lines.stream().map(CardDataMasker::mask).toList();
    }

    private static Map<String, String> masked(Map<String, String> codes) {
        return codes.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> CardDataMasker.mask(e.getValue())));
    }
}
