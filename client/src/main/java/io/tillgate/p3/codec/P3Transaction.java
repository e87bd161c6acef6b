package io.tillgate.p3.codec;

import java.math.BigDecimal;

/**
 * The transaction object carried by updates, actions and responses (docs/protocols/p3.md §4.1). Every field is
 * optional on the wire: early updates carry only a few, the final response carries receipts.
 * Enum-like fields stay strings so values a real server adds do not break a client.
 */
public record P3Transaction(
        String identifier,
        BigDecimal amount,
        String currency,
        String type,
        String status,
        String statusDetails,
        String mode,
        Boolean captured,
        Long createdTimestamp,
        String subject,
        String customIdentifier,
        String referencedTransactionIdentifier,
        P3PaymentDetails paymentDetails,
        P3CardDetails cardDetails,
        P3ClearingDetails clearingDetails,
        P3RefundDetails refundDetails,
        P3Receipt merchantReceipt,
        P3Receipt customerReceipt) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Spares callers an eighteen-argument constructor. */
    public static final class Builder {
        private String identifier;
        private BigDecimal amount;
        private String currency;
        private String type;
        private String status;
        private String statusDetails;
        private String mode;
        private Boolean captured;
        private Long createdTimestamp;
        private String subject;
        private String customIdentifier;
        private String referencedTransactionIdentifier;
        private P3PaymentDetails paymentDetails;
        private P3CardDetails cardDetails;
        private P3ClearingDetails clearingDetails;
        private P3RefundDetails refundDetails;
        private P3Receipt merchantReceipt;
        private P3Receipt customerReceipt;

        private Builder() {
        }

        private Builder(P3Transaction t) {
            identifier = t.identifier;
            amount = t.amount;
            currency = t.currency;
            type = t.type;
            status = t.status;
            statusDetails = t.statusDetails;
            mode = t.mode;
            captured = t.captured;
            createdTimestamp = t.createdTimestamp;
            subject = t.subject;
            customIdentifier = t.customIdentifier;
            referencedTransactionIdentifier = t.referencedTransactionIdentifier;
            paymentDetails = t.paymentDetails;
            cardDetails = t.cardDetails;
            clearingDetails = t.clearingDetails;
            refundDetails = t.refundDetails;
            merchantReceipt = t.merchantReceipt;
            customerReceipt = t.customerReceipt;
        }

        public Builder identifier(String value) {
            identifier = value;
            return this;
        }

        public Builder amount(BigDecimal value) {
            amount = value;
            return this;
        }

        public Builder currency(String value) {
            currency = value;
            return this;
        }

        public Builder type(String value) {
            type = value;
            return this;
        }

        public Builder status(String value) {
            status = value;
            return this;
        }

        public Builder statusDetails(String value) {
            statusDetails = value;
            return this;
        }

        public Builder mode(String value) {
            mode = value;
            return this;
        }

        public Builder captured(Boolean value) {
            captured = value;
            return this;
        }

        public Builder createdTimestamp(Long value) {
            createdTimestamp = value;
            return this;
        }

        public Builder subject(String value) {
            subject = value;
            return this;
        }

        public Builder customIdentifier(String value) {
            customIdentifier = value;
            return this;
        }

        public Builder referencedTransactionIdentifier(String value) {
            referencedTransactionIdentifier = value;
            return this;
        }

        public Builder paymentDetails(P3PaymentDetails value) {
            paymentDetails = value;
            return this;
        }

        public Builder cardDetails(P3CardDetails value) {
            cardDetails = value;
            return this;
        }

        public Builder clearingDetails(P3ClearingDetails value) {
            clearingDetails = value;
            return this;
        }

        public Builder refundDetails(P3RefundDetails value) {
            refundDetails = value;
            return this;
        }

        public Builder merchantReceipt(P3Receipt value) {
            merchantReceipt = value;
            return this;
        }

        public Builder customerReceipt(P3Receipt value) {
            customerReceipt = value;
            return this;
        }

        public P3Transaction build() {
            return new P3Transaction(identifier, amount, currency, type, status, statusDetails, mode, captured,
                    createdTimestamp, subject, customIdentifier, referencedTransactionIdentifier, paymentDetails,
                    cardDetails, clearingDetails, refundDetails, merchantReceipt, customerReceipt);
        }
    }
}
