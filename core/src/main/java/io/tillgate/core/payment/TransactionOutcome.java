package io.tillgate.core.payment;

import io.tillgate.core.money.Money;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a terminal reported at the end of a transaction.
 *
 * @param result the final result
 * @param reason a short machine-readable detail ({@code SHOPPER_ABORTED}, {@code ISSUER_DECLINED},
 *     {@code TERMINAL_TIMEOUT}, …) or {@code null}
 * @param approvedAmount the amount actually approved (a partial approval is less than requested),
 *     {@code null} unless approved
 * @param maskedPan the card, masked to first 6 + last 4, or {@code null}
 * @param scheme the card scheme
 * @param entryMode how the card was read
 * @param verification how the cardholder was verified
 * @param authorisationCode the issuer's approval code, or {@code null}
 * @param terminalReference the terminal's own transaction reference, or {@code null}
 * @param acquirerReference the acquirer's reference, or {@code null}
 * @param merchantReceipt receipt lines the terminal printed for the merchant (may be empty)
 * @param customerReceipt receipt lines the terminal printed for the customer (may be empty)
 * @param rawResultCodes the protocol's own result codes, e.g. {@code AE=01, AF=04}
 */
public record TransactionOutcome(
        TransactionResult result,
        String reason,
        Money approvedAmount,
        MaskedPan maskedPan,
        CardScheme scheme,
        EntryMode entryMode,
        CardholderVerification verification,
        String authorisationCode,
        String terminalReference,
        String acquirerReference,
        List<String> merchantReceipt,
        List<String> customerReceipt,
        Map<String, String> rawResultCodes) {

    public TransactionOutcome {
        Objects.requireNonNull(result, "result");
        scheme = scheme == null ? CardScheme.UNKNOWN : scheme;
        entryMode = entryMode == null ? EntryMode.UNKNOWN : entryMode;
        verification = verification == null ? CardholderVerification.UNKNOWN : verification;
        merchantReceipt = merchantReceipt == null ? List.of() : List.copyOf(merchantReceipt);
        customerReceipt = customerReceipt == null ? List.of() : List.copyOf(customerReceipt);
        rawResultCodes = rawResultCodes == null ? Map.of() : Map.copyOf(rawResultCodes);
    }

    /** An outcome that carries only a result and a reason. */
    public static TransactionOutcome of(TransactionResult result, String reason) {
        return builder(result).reason(reason).build();
    }

    public static Builder builder(TransactionResult result) {
        return new Builder(result);
    }

    public boolean isApproved() {
        return result == TransactionResult.APPROVED;
    }

    /** Accumulates the many optional fields of an outcome. */
    public static final class Builder {
        private final TransactionResult result;
        private String reason;
        private Money approvedAmount;
        private MaskedPan maskedPan;
        private CardScheme scheme;
        private EntryMode entryMode;
        private CardholderVerification verification;
        private String authorisationCode;
        private String terminalReference;
        private String acquirerReference;
        private List<String> merchantReceipt;
        private List<String> customerReceipt;
        private Map<String, String> rawResultCodes;

        private Builder(TransactionResult result) {
            this.result = result;
        }

        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        public Builder approvedAmount(Money approvedAmount) {
            this.approvedAmount = approvedAmount;
            return this;
        }

        public Builder card(MaskedPan maskedPan, CardScheme scheme, EntryMode entryMode) {
            this.maskedPan = maskedPan;
            this.scheme = scheme;
            this.entryMode = entryMode;
            return this;
        }

        public Builder verification(CardholderVerification verification) {
            this.verification = verification;
            return this;
        }

        public Builder authorisationCode(String authorisationCode) {
            this.authorisationCode = authorisationCode;
            return this;
        }

        public Builder references(String terminalReference, String acquirerReference) {
            this.terminalReference = terminalReference;
            this.acquirerReference = acquirerReference;
            return this;
        }

        public Builder receipts(List<String> merchantReceipt, List<String> customerReceipt) {
            this.merchantReceipt = merchantReceipt;
            this.customerReceipt = customerReceipt;
            return this;
        }

        public Builder rawResultCodes(Map<String, String> rawResultCodes) {
            this.rawResultCodes = rawResultCodes;
            return this;
        }

        public TransactionOutcome build() {
            return new TransactionOutcome(result, reason, approvedAmount, maskedPan, scheme, entryMode,
                    verification, authorisationCode, terminalReference, acquirerReference, merchantReceipt,
                    customerReceipt, rawResultCodes);
        }
    }
}
