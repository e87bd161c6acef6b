package io.tillgate.p3.server;

import io.tillgate.core.payment.CardScheme;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.p3.codec.P3CardDetails;
import io.tillgate.p3.codec.P3ClearingDetails;
import io.tillgate.p3.codec.P3PaymentDetails;
import io.tillgate.p3.codec.P3Transaction;
import java.util.Objects;

/**
 * The P3 transaction object (docs/protocols/p3.md §4.1) of a journal record. One mapping for updates, actions,
 * responses and queries, so a POS sees the same transaction whichever message carries it; receipts
 * are attached only once the transaction is final and did not fail (§3.5).
 */
final class P3TransactionMapper {

    /** The only mode Tillgate runs transactions in. */
    static final String MODE_ONLINE = "ONLINE";

    private final P3ReceiptMapper receipts;

    P3TransactionMapper(P3ReceiptMapper receipts) {
        this.receipts = Objects.requireNonNull(receipts, "receipts");
    }

    P3Transaction toP3(TransactionRecord record) {
        P3Transaction.Builder p3 = P3Transaction.builder()
                .identifier(record.id())
                .amount(record.amount().toMajor())
                .currency(record.amount().currency().getCurrencyCode())
                .type(type(record))
                .status(status(record.state()))
                .statusDetails(statusDetails(record))
                .mode(MODE_ONLINE)
                .captured(record.captured())
                .createdTimestamp(record.createdAt().toEpochMilli())
                .subject(record.subject())
                .customIdentifier(record.reference())
                .referencedTransactionIdentifier(record.originalTransactionId());
        TransactionOutcome outcome = record.outcome();
        if (outcome != null) {
            p3.paymentDetails(new P3PaymentDetails(scheme(outcome.scheme()), outcome.entryMode().name(),
                            outcome.verification().name()))
                    .cardDetails(new P3CardDetails(
                            outcome.maskedPan() == null ? null : outcome.maskedPan().value(), 0, 0))
                    .clearingDetails(new P3ClearingDetails(outcome.authorisationCode(), outcome.terminalReference()));
        }
        if (record.isFinal() && record.state() != TransactionState.FAILED) {
            p3.merchantReceipt(receipts.merchantReceipt(record))
                    .customerReceipt(receipts.customerReceipt(record));
        }
        return p3.build();
    }

    static String type(TransactionRecord record) {
        return switch (record.kind()) {
            case SALE, PREAUTH, CAPTURE -> "CHARGE";
            case REFUND -> "REFUND";
            case REVERSAL -> "UNKNOWN";
        };
    }

    static String status(TransactionState state) {
        return switch (state) {
            case CREATED, SENT, IN_PROGRESS -> "PENDING";
            case APPROVED -> "APPROVED";
            case DECLINED -> "DECLINED";
            case ABORTED -> "ABORTED";
            case FAILED -> "ERROR";
            case UNKNOWN -> "INCONCLUSIVE";
        };
    }

    /**
     * The SDK-style detail: {@code APPROVED} and {@code DECLINED} alone, the other settled states
     * with the terminal's reason ({@code ABORTED_SHOPPER_ABORTED}, {@code ERROR_TERMINAL_ERROR},
     * {@code INCONCLUSIVE_TERMINAL_TIMEOUT}); none while the transaction is pending.
     */
    static String statusDetails(TransactionRecord record) {
        TransactionOutcome outcome = record.outcome();
        if (outcome == null) {
            return null;
        }
        String status = status(record.state());
        boolean withReason = outcome.reason() != null
                && record.state() != TransactionState.APPROVED && record.state() != TransactionState.DECLINED;
        return withReason ? status + "_" + outcome.reason() : status;
    }

    static String scheme(CardScheme scheme) {
        return switch (scheme) {
            case VISA, VISA_ELECTRON, MASTERCARD, MAESTRO, AMERICAN_EXPRESS -> scheme.name();
            case CB, UNKNOWN -> "UNKNOWN";
        };
    }
}
