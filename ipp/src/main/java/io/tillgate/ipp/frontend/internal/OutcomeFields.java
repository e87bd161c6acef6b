package io.tillgate.ipp.frontend.internal;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.CardScheme;
import io.tillgate.core.payment.CardholderVerification;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.ipp.codec.IppAmount;
import io.tillgate.ipp.codec.IppNames;
import io.tillgate.ipp.codec.IppProperties;
import io.tillgate.ipp.codec.IppStatus;
import io.tillgate.ipp.frontend.IppFrontEndConfig;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * The STAGE 5 of a finished transaction (docs/protocols/ipp.md §10, §12): its STATUS and the transaction data a
 * myPOS terminal reports — masked PAN, AUTH_CODE, RRN, STAN, receipt fields, local date and time.
 */
final class OutcomeFields {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private OutcomeFields() {
    }

    /** The STAGE 5 STATUS for an outcome; {@code null} for UNKNOWN, which gets no STAGE 5 (cents 95). */
    static IppStatus status(TransactionOutcome outcome) {
        return switch (outcome.result()) {
            // A decline is a processed transaction: STATUS 0 with APPROVAL other than 00.
            case APPROVED, DECLINED -> IppStatus.OK;
            case ABORTED -> IppStatus.USER_CANCEL;
            case FAILED -> IppStatus.INTERNAL_ERROR;
            case UNKNOWN -> null;
        };
    }

    /** The fields of STAGE 5; {@code stan} is the terminal's trace number, used only when the host processed it. */
    static IppProperties fields(TransactionRecord record, IppFrontEndConfig config, boolean signatureRequired,
            Supplier<String> stan) {
        TransactionOutcome outcome = record.outcome();
        IppProperties.Builder out = IppProperties.builder();
        boolean processed = outcome.isApproved() || outcome.result() == io.tillgate.core.payment.TransactionResult.DECLINED;
        if (processed) {
            Money amount = outcome.approvedAmount() != null ? outcome.approvedAmount() : record.amount();
            out.text(IppNames.AMOUNT, IppAmount.format(amount))
                    .text(IppNames.CURRENCY, IppAmount.currencyCode(amount.currency()))
                    .text(IppNames.CURRENCY_NAME, amount.currency().getCurrencyCode())
                    .text(IppNames.APPROVAL, outcome.isApproved() ? "00" : declineCode(outcome))
                    .text(IppNames.AUTH_CODE, outcome.isApproved() ? outcome.authorisationCode() : null)
                    .text(IppNames.RRN, rrn(record.id()))
                    .text(IppNames.STAN, stan.get());
        }
        out.text(IppNames.TERMINAL_ID, config.terminalId())
                .text(IppNames.MERCHANT_ID, config.merchantId())
                .text(IppNames.MERCHANT_NAME, config.merchantName());
        if (processed) {
            if (outcome.maskedPan() != null) {
                out.text(IppNames.PAN_MASKED, outcome.maskedPan().value());
            }
            if (outcome.scheme() != CardScheme.UNKNOWN) {
                out.text(IppNames.AID, aid(outcome.scheme()))
                        .text(IppNames.AID_NAME, outcome.scheme().name())
                        .text(IppNames.APPL_PREF_NAME, outcome.scheme().name());
            }
            out.text(IppNames.CVM, outcome.verification() == CardholderVerification.UNKNOWN ? null
                    : outcome.verification().name())
                    .text(IppNames.ENTRY_MODE, outcome.entryMode().name())
                    .text(IppNames.SIGNATURE_NOT_REQ, signatureRequired
                            || outcome.verification() == CardholderVerification.SIGNATURE ? "0" : "1");
            if (outcome.isApproved() && record.kind() == PaymentKind.PREAUTH) {
                // The gateway id: COMPLETE_PREAUTH and CANCEL_PREAUTH find the pre-authorisation by it.
                out.text(IppNames.PREAUTH_CODE, record.id());
            }
            if (!outcome.isApproved()) {
                out.text(IppNames.DECLINED_REASON1, "Declined by issuer")
                        .text(IppNames.DECLINED_REASON2, outcome.reason());
            }
        }
        LocalDateTime local = LocalDateTime.ofInstant(record.updatedAt(), config.zone());
        out.text(IppNames.TX_DATE_LOCAL, DATE.format(local)).text(IppNames.TX_TIME_LOCAL, TIME.format(local));
        if (record.reference() != null && isAscii(record.reference())) {
            out.text(IppNames.REFERENCE, record.reference());
        }
        return out.build();
    }

    private static String declineCode(TransactionOutcome outcome) {
        String code = outcome.rawResultCodes().get("responseCode");
        return code != null && code.length() == 2 && !code.equals("00") ? code : "05";
    }

    /** 12 digits derived from the gateway id: unique in practice, and the same each time it is asked. */
    static String rrn(String transactionId) {
        return String.format("%012d", Long.remainderUnsigned(Long.parseUnsignedLong(transactionId.substring(16), 16),
                1_000_000_000_000L));
    }

    private static String aid(CardScheme scheme) {
        return switch (scheme) {
            case VISA -> "A0000000031010";
            case VISA_ELECTRON -> "A0000000032010";
            case MASTERCARD -> "A0000000041010";
            case MAESTRO -> "A0000000043060";
            case AMERICAN_EXPRESS -> "A00000002501";
            case CB -> "A0000000421010";
            case UNKNOWN -> null;
        };
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
    }

    /** LAST_TX_TYPE of GET_STATUS (docs/protocols/ipp.md §10). */
    static String lastTxType(PaymentKind kind) {
        return switch (kind) {
            case SALE, PREAUTH, CAPTURE -> "00";
            case REVERSAL -> "02";
            case REFUND -> "20";
        };
    }
}
