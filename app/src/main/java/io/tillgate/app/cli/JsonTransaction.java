package io.tillgate.app.cli;

import io.tillgate.p3.codec.P3CardDetails;
import io.tillgate.p3.codec.P3PaymentDetails;
import io.tillgate.p3.codec.P3Receipt;
import io.tillgate.p3.codec.P3Transaction;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A transaction as a PayServer reported it, in the JSON documents of {@code pay}, {@code refund},
 * {@code capture} and {@code query}. Field names are this tool's own (docs/cli-json.md), not the
 * P3 wire names, so that they stay put if the protocol grows.
 *
 * @param id the transaction identifier (P3 {@code identifier})
 * @param type {@code CHARGE} or {@code REFUND}
 * @param status {@code APPROVED}, {@code DECLINED}, {@code ABORTED}, {@code ERROR}, {@code INCONCLUSIVE}, …
 *     upper-cased as the text output shows it
 * @param captured whether the funds are captured; {@code false} for a pre-authorisation not yet captured
 * @param createdAt when the gateway recorded it, ISO-8601 UTC
 * @param customIdentifier the POS's own reference ({@code --custom-id})
 * @param referencedId for a refund: the payment it refunds
 * @param authorizationCode the issuer's approval code
 * @param terminalReference the terminal's own reference (P3 {@code clearingDetails.transactionIdentifier})
 * @param receipts the receipts' pre-formatted lines; empty lists when there are none
 */
record JsonTransaction(
        String id,
        String type,
        String status,
        String statusDetails,
        JsonAmount amount,
        Boolean captured,
        String createdAt,
        String subject,
        String customIdentifier,
        String referencedId,
        JsonCard card,
        String authorizationCode,
        String terminalReference,
        Receipts receipts) {

    /** The receipts' lines, ready to print. */
    record Receipts(List<String> customer, List<String> merchant) {
    }

    static JsonTransaction of(P3Transaction t) {
        if (t == null) {
            return null;
        }
        return new JsonTransaction(
                t.identifier(),
                t.type(),
                t.status() == null ? null : t.status().toUpperCase(Locale.ROOT),
                t.statusDetails(),
                JsonAmount.of(t.amount(), t.currency()),
                t.captured(),
                t.createdTimestamp() == null ? null : Instant.ofEpochMilli(t.createdTimestamp()).toString(),
                t.subject(),
                t.customIdentifier(),
                t.referencedTransactionIdentifier(),
                card(t.cardDetails(), t.paymentDetails()),
                t.clearingDetails() == null ? null : t.clearingDetails().authorizationCode(),
                t.clearingDetails() == null ? null : t.clearingDetails().transactionIdentifier(),
                new Receipts(lines(t.customerReceipt()), lines(t.merchantReceipt())));
    }

    private static JsonCard card(P3CardDetails card, P3PaymentDetails payment) {
        if (card == null && payment == null) {
            return null;
        }
        return JsonCard.of(card == null ? null : card.maskedCardNumber(),
                payment == null ? null : payment.scheme(),
                payment == null ? null : payment.source(),
                payment == null ? null : payment.customerVerification());
    }

    private static List<String> lines(P3Receipt receipt) {
        return receipt == null || receipt.lines() == null ? List.of() : receipt.lines();
    }
}
