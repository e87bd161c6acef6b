package io.tillgate.nexo.driver;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.CardholderVerification;
import io.tillgate.core.payment.MaskedPan;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.nexo.codec.CardData;
import io.tillgate.nexo.codec.DocumentQualifier;
import io.tillgate.nexo.codec.NexoAmounts;
import io.tillgate.nexo.codec.NexoDecodingException;
import io.tillgate.nexo.codec.NexoReceipt;
import io.tillgate.nexo.codec.NexoText;
import io.tillgate.nexo.codec.PaymentReceipt;
import io.tillgate.nexo.codec.PaymentResponse;
import io.tillgate.nexo.codec.PaymentResult;
import io.tillgate.nexo.codec.PoiData;
import io.tillgate.nexo.codec.Response;
import io.tillgate.nexo.codec.Result;
import io.tillgate.nexo.codec.ReversalResponse;
import io.tillgate.nexo.internal.NexoCardNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a terminal's PaymentResponse or ReversalResponse as a {@link TransactionOutcome}. */
final class OutcomeReader {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeReader.class);

    private OutcomeReader() {
    }

    static TransactionOutcome payment(PaymentResponse response, Money requested) {
        TransactionOutcome.Builder outcome = result(response.response());
        PaymentResult result = response.paymentResult();
        if (result != null) {
            CardData card = result.paymentInstrumentData() == null ? null : result.paymentInstrumentData().cardData();
            if (card != null) {
                outcome.card(maskedPan(card.maskedPan()), NexoCardNames.scheme(card.paymentBrand()),
                        NexoCardNames.entryMode(card.entryMode()));
            }
            if (result.paymentAcquirerData() != null) {
                outcome.authorisationCode(result.paymentAcquirerData().approvalCode());
            }
        }
        Result code = response.response().result();
        if (code != Result.FAILURE) {
            Money approved = requested;
            if (result != null && result.amountsResp() != null && result.amountsResp().authorizedAmount() != null) {
                String currency = result.amountsResp().currency() != null ? result.amountsResp().currency()
                        : requested.currency().getCurrencyCode();
                approved = NexoAmounts.toMoney(result.amountsResp().authorizedAmount(), currency,
                        "PaymentResponse/PaymentResult/AmountsResp@AuthorizedAmount");
            }
            outcome.approvedAmount(approved);
            if (code == Result.PARTIAL) {
                outcome.reason("PARTIAL_APPROVAL");
            }
        }
        String acquirerReference = result != null && result.paymentAcquirerData() != null
                && result.paymentAcquirerData().acquirerTransactionId() != null
                ? result.paymentAcquirerData().acquirerTransactionId().transactionId() : null;
        outcome.references(terminalReference(response.poiData()), acquirerReference);
        receipts(outcome, response.paymentReceipt());
        return outcome.build();
    }

    static TransactionOutcome reversal(ReversalResponse response, Money requested) {
        TransactionOutcome.Builder outcome = result(response.response());
        if (response.response().result() != Result.FAILURE) {
            outcome.approvedAmount(requested).verification(CardholderVerification.NONE);
        }
        outcome.references(terminalReference(response.poiData()), null);
        receipts(outcome, response.paymentReceipt());
        return outcome.build();
    }

    private static TransactionOutcome.Builder result(Response response) {
        TransactionResult result;
        String reason = null;
        if (response.result() == Result.FAILURE) {
            String condition = response.errorCondition() == null ? "" : response.errorCondition().code();
            switch (condition) {
                case "Refusal", "InvalidCard", "WrongPIN", "PaymentRestriction" -> {
                    result = TransactionResult.DECLINED;
                    reason = "Refusal".equals(condition) ? "ISSUER_DECLINED" : condition;
                }
                case "Aborted" -> {
                    result = TransactionResult.ABORTED;
                    reason = "MERCHANT_ABORTED";
                }
                case "Cancel" -> {
                    result = TransactionResult.ABORTED;
                    reason = "SHOPPER_ABORTED";
                }
                case "DeviceOut" -> {
                    result = TransactionResult.FAILED;
                    reason = "TERMINAL_ERROR";
                }
                default -> {
                    result = TransactionResult.FAILED;
                    reason = condition.isEmpty() ? "FAILURE" : condition;
                }
            }
        } else {
            result = TransactionResult.APPROVED;
        }
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("Result", response.result().code());
        if (response.errorCondition() != null) {
            raw.put("ErrorCondition", response.errorCondition().code());
        }
        if (response.additionalResponse() != null) {
            raw.put("AdditionalResponse", NexoText.clip(response.additionalResponse()));
        }
        return TransactionOutcome.builder(result).reason(reason).rawResultCodes(raw);
    }

    private static void receipts(TransactionOutcome.Builder outcome, List<PaymentReceipt> receipts) {
        List<String> merchant = List.of();
        List<String> customer = List.of();
        CardholderVerification verification = CardholderVerification.UNKNOWN;
        for (PaymentReceipt element : receipts) {
            NexoReceipt receipt;
            try {
                receipt = NexoReceipt.from(element);
            } catch (NexoDecodingException e) {
                LOG.warn("nexo terminal sent an unreadable receipt: {}", e.getMessage());
                continue;
            }
            if (receipt.qualifier() == DocumentQualifier.CASHIER_RECEIPT) {
                merchant = receipt.lines();
            } else {
                customer = receipt.lines();
            }
            if (receipt.signatureBlock()) {
                verification = CardholderVerification.SIGNATURE;
            } else if (verification == CardholderVerification.UNKNOWN) {
                verification = verification(receipt.fields().get("Mandatory.Payment.CardholderVerificationMethod"));
            }
        }
        outcome.receipts(merchant, customer);
        if (verification != CardholderVerification.UNKNOWN) {
            outcome.verification(verification);
        }
    }

    private static CardholderVerification verification(String method) {
        if (method == null) {
            return CardholderVerification.UNKNOWN;
        }
        try {
            return CardholderVerification.valueOf(method);
        } catch (IllegalArgumentException notOurs) {
            return method.toUpperCase(java.util.Locale.ROOT).contains("PIN") ? CardholderVerification.PIN
                    : CardholderVerification.UNKNOWN;
        }
    }

    private static MaskedPan maskedPan(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new MaskedPan(value);
        } catch (IllegalArgumentException e) {
            // Never keep what does not look masked: it could be a full PAN.
            LOG.warn("nexo terminal sent a MaskedPAN that is not masked (length {}); dropped", value.length());
            return null;
        }
    }

    private static String terminalReference(PoiData poiData) {
        return poiData == null || poiData.poiTransactionId() == null ? null
                : poiData.poiTransactionId().transactionId();
    }
}
