package io.tillgate.ipp.driver.internal;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.CardScheme;
import io.tillgate.core.payment.CardholderVerification;
import io.tillgate.core.payment.EntryMode;
import io.tillgate.core.payment.MaskedPan;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.ipp.codec.IppAmount;
import io.tillgate.ipp.codec.IppDecodingException;
import io.tillgate.ipp.codec.IppNames;
import io.tillgate.ipp.codec.IppResponse;
import io.tillgate.ipp.codec.IppStatus;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A terminal's final answer → {@link TransactionOutcome} (docs/protocols/ipp.md §7, §8, §10). */
final class OutcomeMapper {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeMapper.class);

    private OutcomeMapper() {
    }

    /** The outcome a final reply (STAGE 5, or a final STAGE 1–3) reports. */
    static TransactionOutcome fromFinal(IppResponse reply, Money requested, boolean cancelRequested) {
        return outcome(reply, reply.status(), requested, cancelRequested);
    }

    /**
     * The last transaction's outcome as GET_STATUS reports it, when it names {@code sid}: its STAGE 5
     * STATUS in TX_STATUS, its data alongside. Empty when the terminal's last transaction is another
     * one or its outcome is not in the reply.
     */
    static Optional<TransactionOutcome> fromStatus(IppResponse status, String sid, Money requested) {
        if (!sid.equals(status.text(IppNames.SID_ORIGINAL))) {
            return Optional.empty();
        }
        String txStatus = status.text(IppNames.TX_STATUS);
        if (txStatus == null && status.text(IppNames.APPROVAL) == null) {
            return Optional.empty();
        }
        IppStatus code = IppStatus.OK;
        if (txStatus != null) {
            try {
                code = IppStatus.fromCode(Integer.parseInt(txStatus));
            } catch (NumberFormatException | IppDecodingException e) {
                LOG.warn("GET_STATUS for {}: unreadable TX_STATUS; outcome left open", sid);
                return Optional.empty();
            }
        }
        return Optional.of(outcome(status, code, requested, false));
    }

    private static TransactionOutcome outcome(IppResponse reply, IppStatus status, Money requested,
            boolean cancelRequested) {
        TransactionResult result;
        String reason = null;
        if (status.successful()) {
            String approval = reply.text(IppNames.APPROVAL);
            result = approval == null || approval.equals("00") ? TransactionResult.APPROVED : TransactionResult.DECLINED;
            reason = result == TransactionResult.DECLINED ? "ISSUER_DECLINED" : null;
        } else {
            result = status == IppStatus.USER_CANCEL ? TransactionResult.ABORTED : TransactionResult.FAILED;
            reason = reason(status, cancelRequested);
        }
        TransactionOutcome.Builder outcome = TransactionOutcome.builder(result).reason(reason)
                .card(maskedPan(reply), scheme(reply), entryMode(reply))
                .verification(verification(reply))
                .authorisationCode(reply.text(IppNames.AUTH_CODE))
                .references(reply.text(IppNames.STAN), reply.text(IppNames.RRN))
                .rawResultCodes(raw(reply, status));
        if (result == TransactionResult.APPROVED) {
            outcome.approvedAmount(amount(reply, requested));
        }
        return outcome.build();
    }

    private static String reason(IppStatus status, boolean cancelRequested) {
        return switch (status) {
            case USER_CANCEL -> cancelRequested ? "MERCHANT_ABORTED" : "SHOPPER_ABORTED";
            case BUSY -> "TERMINAL_BUSY";
            case INTERNAL_ERROR -> "TERMINAL_ERROR";
            case HOST_RECEIVE_ERROR, COMMUNICATION_ERROR, SSL_ERROR -> "HOST_UNREACHABLE";
            case INVALID_AMOUNT -> "INVALID_AMOUNT";
            case TRANSACTION_NOT_FOUND, REVERSAL_NOT_FOUND, WRONG_PREAUTH_CODE -> "ORIGINAL_NOT_FOUND";
            case PREAUTH_ALREADY_FINISHED -> "PREAUTH_ALREADY_FINISHED";
            case SYNTAX_ERROR, UNSUPPORTED_PARAMETER, UNSUPPORTED_METHOD -> "PROTOCOL_ERROR";
            case LAST_TRANSACTION_NOT_COMPLETED -> "LAST_TRANSACTION_NOT_COMPLETED";
            case ACTIVATION_REQUIRED, MANDATORY_UPDATE, DEACTIVATION_NOT_FINISHED, UNSUPPORTED_VERSION ->
                    "TERMINAL_NOT_READY";
            default -> "IPP_STATUS_" + status.code();
        };
    }

    private static Money amount(IppResponse reply, Money requested) {
        String amount = reply.text(IppNames.AMOUNT);
        if (amount == null) {
            return requested;
        }
        try {
            String currency = reply.text(IppNames.CURRENCY);
            return IppAmount.parse(IppNames.AMOUNT, amount, currency == null ? requested.currency()
                    : IppAmount.currency(currency));
        } catch (IppDecodingException e) {
            LOG.warn("terminal reply {}: {}; reporting the requested amount", reply.sid(), e.getMessage());
            return requested;
        }
    }

    private static MaskedPan maskedPan(IppResponse reply) {
        String pan = reply.text(IppNames.PAN_MASKED);
        if (pan == null) {
            return null;
        }
        try {
            return new MaskedPan(pan);
        } catch (IllegalArgumentException e) {
            // Never pass on what could be a full number; the value itself is not logged either.
            LOG.warn("terminal reply {}: PAN_MASKED is not masked to first 6 + last 4; dropped", reply.sid());
            return null;
        }
    }

    private static CardScheme scheme(IppResponse reply) {
        String name = reply.text(IppNames.AID_NAME);
        if (name == null) {
            name = reply.text(IppNames.APPL_PREF_NAME);
        }
        if (name == null) {
            return CardScheme.UNKNOWN;
        }
        String upper = name.toUpperCase(Locale.ROOT).replace(' ', '_');
        if (upper.contains("ELECTRON")) {
            return CardScheme.VISA_ELECTRON;
        }
        if (upper.contains("VISA")) {
            return CardScheme.VISA;
        }
        if (upper.contains("MAESTRO")) {
            return CardScheme.MAESTRO;
        }
        if (upper.contains("MASTERCARD")) {
            return CardScheme.MASTERCARD;
        }
        if (upper.contains("AMERICAN_EXPRESS") || upper.contains("AMEX")) {
            return CardScheme.AMERICAN_EXPRESS;
        }
        return CardScheme.UNKNOWN;
    }

    // ENTRY_MODE and CVM value sets are not published (docs/protocols/ipp.md §10): read the names Tillgate writes.
    private static EntryMode entryMode(IppResponse reply) {
        String mode = reply.text(IppNames.ENTRY_MODE);
        if (mode == null) {
            return EntryMode.UNKNOWN;
        }
        try {
            return EntryMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return EntryMode.UNKNOWN;
        }
    }

    private static CardholderVerification verification(IppResponse reply) {
        if ("0".equals(reply.text(IppNames.SIGNATURE_NOT_REQ))) {
            return CardholderVerification.SIGNATURE;
        }
        String cvm = reply.text(IppNames.CVM);
        if (cvm == null) {
            return CardholderVerification.UNKNOWN;
        }
        try {
            return CardholderVerification.valueOf(cvm.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return CardholderVerification.UNKNOWN;
        }
    }

    private static Map<String, String> raw(IppResponse reply, IppStatus status) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put(IppNames.STATUS, Integer.toString(status.code()));
        for (String name : new String[] {IppNames.APPROVAL, IppNames.TX_STATUS, IppNames.PREAUTH_CODE,
                IppNames.TERMINAL_ID, IppNames.DECLINED_REASON1, IppNames.DECLINED_REASON2}) {
            String value = reply.text(name);
            if (value != null) {
                raw.put(name, value);
            }
        }
        return raw;
    }
}
