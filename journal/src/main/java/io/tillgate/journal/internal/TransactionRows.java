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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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

    /** Every column but {@code id}, in binding order. */
    static final List<String> DATA_COLUMNS = List.of("merchant_id", "terminal_id", "protocol",
            "request_reference", "kind", "amount_minor", "currency", "reference", "original_transaction_id",
            "subject", "captured", "signature_on_receipt", "state", "result", "reason", "approved_amount_minor",
            "approved_currency", "masked_pan", "scheme", "entry_mode", "verification", "authorisation_code",
            "terminal_reference", "acquirer_reference", "merchant_receipt", "customer_receipt",
            "raw_result_codes", "created_at", "updated_at");

    /** The select list that {@link #read} expects. */
    static final String SELECT_LIST = "id, " + String.join(", ", DATA_COLUMNS);

    private TransactionRows() {
    }

    /** Binds the {@link #DATA_COLUMNS} from parameter {@code first} on; returns the next free index. */
    static int bindData(PreparedStatement statement, int first, TransactionRecord record) throws SQLException {
        int i = first;
        statement.setString(i++, record.merchantId());
        statement.setString(i++, record.terminalId());
        statement.setString(i++, record.protocol());
        setNullable(statement, i++, record.requestReference());
        statement.setString(i++, record.kind().name());
        statement.setLong(i++, record.amount().minorUnits());
        statement.setString(i++, record.amount().currency().getCurrencyCode());
        setNullable(statement, i++, record.reference());
        setNullable(statement, i++, record.originalTransactionId());
        setNullable(statement, i++, CardDataMasker.mask(record.subject()));
        statement.setBoolean(i++, record.captured());
        statement.setBoolean(i++, record.signatureOnReceipt());
        statement.setString(i++, record.state().name());
        TransactionOutcome outcome = record.outcome();
        boolean none = outcome == null;
        Money approved = none ? null : outcome.approvedAmount();
        MaskedPan pan = none ? null : outcome.maskedPan();
        setNullable(statement, i++, none ? null : outcome.result().name());
        setNullable(statement, i++, none ? null : CardDataMasker.mask(outcome.reason()));
        if (approved == null) {
            statement.setNull(i++, Types.BIGINT);
        } else {
            statement.setLong(i++, approved.minorUnits());
        }
        setNullable(statement, i++, approved == null ? null : approved.currency().getCurrencyCode());
        setNullable(statement, i++, pan == null ? null : pan.value());
        setNullable(statement, i++, none ? null : outcome.scheme().name());
        setNullable(statement, i++, none ? null : outcome.entryMode().name());
        setNullable(statement, i++, none ? null : outcome.verification().name());
        setNullable(statement, i++, none ? null : outcome.authorisationCode());
        setNullable(statement, i++, none ? null : outcome.terminalReference());
        setNullable(statement, i++, none ? null : outcome.acquirerReference());
        setNullable(statement, i++, none ? null : TextLines.joinLines(masked(outcome.merchantReceipt())));
        setNullable(statement, i++, none ? null : TextLines.joinLines(masked(outcome.customerReceipt())));
        setNullable(statement, i++, none ? null : TextLines.joinCodes(masked(outcome.rawResultCodes())));
        statement.setLong(i++, EpochMicros.of(record.createdAt()));
        statement.setLong(i++, EpochMicros.of(record.updatedAt()));
        return i;
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

    static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
