package io.tillgate.p3.codec;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What to charge, refund or capture; shared by execute and amend requests (docs/protocols/p3.md §3.2, §3.8).
 * Amounts are major units with the scale they came with; {@code metadata} keeps its wire order.
 * Which fields are required depends on the operation, so that is the server's check.
 */
public record TransactionParameters(
        BigDecimal amount,
        String currency,
        String type,
        Boolean autoCapture,
        String subject,
        String customIdentifier,
        String statementDescriptor,
        BigDecimal applicationFee,
        BigDecimal includedTipAmount,
        Map<String, String> metadata,
        Boolean tipAdjustable,
        String workflow,
        String referencedTransactionIdentifier) {

    public TransactionParameters {
        metadata = P3Collections.orderedMap(metadata);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Spares callers a thirteen-argument constructor. */
    public static final class Builder {
        private BigDecimal amount;
        private String currency;
        private String type;
        private Boolean autoCapture;
        private String subject;
        private String customIdentifier;
        private String statementDescriptor;
        private BigDecimal applicationFee;
        private BigDecimal includedTipAmount;
        private Map<String, String> metadata;
        private Boolean tipAdjustable;
        private String workflow;
        private String referencedTransactionIdentifier;

        private Builder() {
        }

        private Builder(TransactionParameters p) {
            amount = p.amount;
            currency = p.currency;
            type = p.type;
            autoCapture = p.autoCapture;
            subject = p.subject;
            customIdentifier = p.customIdentifier;
            statementDescriptor = p.statementDescriptor;
            applicationFee = p.applicationFee;
            includedTipAmount = p.includedTipAmount;
            metadata = p.metadata;
            tipAdjustable = p.tipAdjustable;
            workflow = p.workflow;
            referencedTransactionIdentifier = p.referencedTransactionIdentifier;
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

        public Builder autoCapture(Boolean value) {
            autoCapture = value;
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

        public Builder statementDescriptor(String value) {
            statementDescriptor = value;
            return this;
        }

        public Builder applicationFee(BigDecimal value) {
            applicationFee = value;
            return this;
        }

        public Builder includedTipAmount(BigDecimal value) {
            includedTipAmount = value;
            return this;
        }

        public Builder metadata(Map<String, String> value) {
            metadata = value;
            return this;
        }

        public Builder tipAdjustable(Boolean value) {
            tipAdjustable = value;
            return this;
        }

        public Builder workflow(String value) {
            workflow = value;
            return this;
        }

        public Builder referencedTransactionIdentifier(String value) {
            referencedTransactionIdentifier = value;
            return this;
        }

        public TransactionParameters build() {
            return new TransactionParameters(amount, currency, type, autoCapture, subject, customIdentifier,
                    statementDescriptor, applicationFee, includedTipAmount, metadata, tipAdjustable, workflow,
                    referencedTransactionIdentifier);
        }
    }
}
