package io.tillgate.nexo.frontend;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.MaskedPan;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.nexo.codec.AmountsResp;
import io.tillgate.nexo.codec.CardData;
import io.tillgate.nexo.codec.DocumentQualifier;
import io.tillgate.nexo.codec.ErrorCondition;
import io.tillgate.nexo.codec.NexoAmounts;
import io.tillgate.nexo.codec.NexoReceipt;
import io.tillgate.nexo.codec.NexoResponses;
import io.tillgate.nexo.codec.OriginalPoiTransaction;
import io.tillgate.nexo.codec.PaymentAcquirerData;
import io.tillgate.nexo.codec.PaymentInstrumentData;
import io.tillgate.nexo.codec.PaymentReceipt;
import io.tillgate.nexo.codec.PaymentResponse;
import io.tillgate.nexo.codec.PaymentResult;
import io.tillgate.nexo.codec.PoiData;
import io.tillgate.nexo.codec.Response;
import io.tillgate.nexo.codec.Result;
import io.tillgate.nexo.codec.ReversalResponse;
import io.tillgate.nexo.codec.SaleData;
import io.tillgate.nexo.codec.TransactionIdentification;
import io.tillgate.nexo.internal.NexoCardNames;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A settled gateway transaction as the nexo terminal reports it (docs/protocols/nexo.md §4, §5, §9). The gateway
 * id is the POITransactionID, so a Reversal or linked Refund names the original directly.
 */
final class FrontEndMapper {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final String merchantId;
    private final String terminalId;

    FrontEndMapper(String merchantId, String terminalId) {
        this.merchantId = merchantId;
        this.terminalId = terminalId;
    }

    /** The Response element for a settled transaction; empty while its outcome is UNKNOWN. */
    Optional<Response> response(TransactionRecord record, boolean signatureRefused) {
        TransactionOutcome outcome = record.outcome();
        if (outcome == null || outcome.result() == TransactionResult.UNKNOWN) {
            return Optional.empty();
        }
        String reason = outcome.reason();
        return Optional.of(switch (outcome.result()) {
            case APPROVED -> outcome.approvedAmount() != null && outcome.approvedAmount().compareTo(record.amount()) < 0
                    ? new Response(Result.PARTIAL, null, "partially approved")
                    : NexoResponses.success();
            case DECLINED -> NexoResponses.failure(ErrorCondition.REFUSAL, reason);
            case ABORTED -> signatureRefused ? NexoResponses.failure(ErrorCondition.REFUSAL, "signature refused")
                    : "SHOPPER_ABORTED".equals(reason) ? NexoResponses.failure(ErrorCondition.CANCEL, reason)
                    : NexoResponses.failure(ErrorCondition.ABORTED, reason);
            case FAILED -> NexoResponses.failure(ErrorCondition.DEVICE_OUT, reason);
            case UNKNOWN -> throw new IllegalStateException("UNKNOWN has no response");
        });
    }

    PaymentResponse payment(TransactionRecord record, Response response, SaleData requestSaleData) {
        TransactionOutcome outcome = record.outcome();
        boolean success = response.result() != Result.FAILURE;
        PaymentResult result = null;
        if (outcome.maskedPan() != null || success) {
            Money authorised = success && outcome.approvedAmount() != null ? outcome.approvedAmount()
                    : success ? record.amount() : null;
            result = new PaymentResult(
                    outcome.maskedPan() == null ? null : new PaymentInstrumentData("Card", new CardData(
                            NexoCardNames.paymentBrand(outcome.scheme()), outcome.maskedPan().value(), null,
                            NexoCardNames.entryMode(outcome.entryMode()), null)),
                    authorised == null ? null : new AmountsResp(authorised.currency().getCurrencyCode(),
                            NexoAmounts.toDecimal(authorised), null, null),
                    new PaymentAcquirerData(merchantId, terminalId, null, null,
                            success ? outcome.authorisationCode() : null));
        }
        return new PaymentResponse(response, echo(requestSaleData), poiData(record), result,
                outcome.maskedPan() == null && !success ? List.of() : receipts(record, requestSaleData, success));
    }

    ReversalResponse reversal(TransactionRecord record, Response response, SaleData requestSaleData,
            OriginalPoiTransaction original) {
        boolean success = response.result() != Result.FAILURE;
        return new ReversalResponse(response, poiData(record), original,
                success ? receipts(record, requestSaleData, true) : List.of());
    }

    static PoiData poiData(TransactionRecord record) {
        return new PoiData(new TransactionIdentification(record.id(),
                record.createdAt().truncatedTo(ChronoUnit.MILLIS).toString()));
    }

    private static SaleData echo(SaleData request) {
        return request == null ? null : new SaleData(null, request.saleTransactionId(), null, null, null);
    }

    private List<PaymentReceipt> receipts(TransactionRecord record, SaleData saleData, boolean success) {
        return List.of(receipt(record, saleData, success, DocumentQualifier.CASHIER_RECEIPT).toPaymentReceipt(),
                receipt(record, saleData, success, DocumentQualifier.CUSTOMER_RECEIPT).toPaymentReceipt());
    }

    /** The receipt JSON of docs/protocols/nexo.md §5.2; the customer copy shows the last four digits only. */
    NexoReceipt receipt(TransactionRecord record, SaleData saleData, boolean success, DocumentQualifier copy) {
        TransactionOutcome outcome = record.outcome();
        boolean merchantCopy = copy == DocumentQualifier.CASHIER_RECEIPT;
        Money amount = outcome.approvedAmount() != null ? outcome.approvedAmount() : record.amount();
        String amountText = NexoAmounts.toDecimal(amount).toPlainString().replace('.', ',');
        String pan = outcome.maskedPan() == null ? null : merchantCopy ? outcome.maskedPan().value()
                : lastFourOnly(outcome.maskedPan());
        boolean signatureBlock = merchantCopy && success && record.signatureOnReceipt();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Mandatory.Acquirer.TerminalID", terminalId);
        fields.put("Mandatory.CardAcceptor.Name", merchantId);
        if (pan != null) {
            fields.put("Mandatory.CardDetails.CardSchemeName.ApplicationLabel", outcome.scheme().name());
            fields.put("Mandatory.CardDetails.PrimaryAccountNumber", pan);
        }
        if (success && outcome.authorisationCode() != null) {
            fields.put("Mandatory.Outcome.ApprovalCode", outcome.authorisationCode());
        }
        fields.put("Mandatory.Outcome.AuthorisationResponseCode", success ? "00" : "05");
        fields.put("Mandatory.Outcome.DebitStatus", record.kind() == PaymentKind.REVERSAL ? "91" : "00");
        fields.put("Mandatory.Payment.CardholderVerificationMethod", outcome.verification().name());
        fields.put("Mandatory.Payment.Currency", amount.currency().getCurrencyCode());
        fields.put("Mandatory.Payment.PaymentAmount", amountText);
        fields.put("Mandatory.Payment.TransactionType", switch (record.kind()) {
            case REFUND -> "20";
            case REVERSAL -> "91";
            default -> "00";
        });
        fields.put("Mandatory.TimeStamp.DateOfPayment", DATE.format(record.updatedAt()));
        fields.put("Mandatory.TimeStamp.TimeOfPayment", TIME.format(record.updatedAt()));
        if (saleData != null && saleData.saleTransactionId() != null) {
            fields.put("Optional.Payment.Reference", saleData.saleTransactionId().transactionId());
        }
        List<String> lines = new ArrayList<>();
        lines.add(merchantCopy ? "MERCHANT COPY" : "CUSTOMER COPY");
        lines.add(switch (record.kind()) {
            case REFUND -> "REFUND";
            case REVERSAL -> "REVERSAL";
            default -> "PURCHASE";
        } + ": " + amountText + " " + amount.currency().getCurrencyCode());
        if (pan != null) {
            lines.add(outcome.scheme().name() + " " + pan);
        }
        if (success && outcome.authorisationCode() != null) {
            lines.add("Auth. code: " + outcome.authorisationCode());
        }
        lines.add(success ? "APPROVED" : "DECLINED");
        if (signatureBlock) {
            lines.add("Signature: ____________________");
        }
        return new NexoReceipt(copy, fields, lines, signatureBlock);
    }

    private static String lastFourOnly(MaskedPan pan) {
        String lastFour = pan.lastFour();
        return "*".repeat(Math.max(0, pan.value().length() - lastFour.length())) + lastFour;
    }
}
