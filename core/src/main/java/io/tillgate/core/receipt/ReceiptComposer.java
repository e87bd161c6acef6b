package io.tillgate.core.receipt;

import io.tillgate.core.payment.CardholderVerification;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.transaction.TransactionRecord;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the merchant and customer receipts of a settled transaction from what the journal knows,
 * so every front-end prints the same receipt.
 */
public final class ReceiptComposer {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final MerchantDetails merchant;
    private final ZoneId zone;
    private final int width;

    /**
     * @param merchant what to print about the merchant
     * @param zone the shop's time zone for date and time
     * @param width the maximum printable line length (at least 20)
     */
    public ReceiptComposer(MerchantDetails merchant, ZoneId zone, int width) {
        this.merchant = Objects.requireNonNull(merchant, "merchant");
        this.zone = Objects.requireNonNull(zone, "zone");
        if (width < 20) {
            throw new IllegalArgumentException("receipt width must be at least 20 characters, was " + width);
        }
        this.width = width;
    }

    public Receipt compose(TransactionRecord transaction, Receipt.Copy copy) {
        TransactionOutcome outcome = transaction.outcome();
        // A signature captured digitally needs no line; one promised on paper does.
        boolean signatureLine = copy == Receipt.Copy.MERCHANT && outcome != null && outcome.isApproved()
                && transaction.signatureOnReceipt();
        List<ReceiptField> fields = fields(transaction, copy);
        return new Receipt(copy, fields, lines(fields, signatureLine), signatureLine);
    }

    private List<ReceiptField> fields(TransactionRecord t, Receipt.Copy copy) {
        List<ReceiptField> fields = new ArrayList<>(24); // every field a receipt can have
        add(fields, "MERCHANT_DETAILS_PUBLIC_NAME", "Merchant", merchant.publicName());
        add(fields, "MERCHANT_DETAILS_ADDRESS", "Address", merchant.address());
        add(fields, "MERCHANT_DETAILS_ZIP", "Zip", merchant.zip());
        add(fields, "MERCHANT_DETAILS_CITY", "City", merchant.city());
        add(fields, "MERCHANT_DETAILS_COUNTRY", "Country", merchant.country());
        add(fields, "RECEIPT_TYPE", "Receipt Type",
                copy == Receipt.Copy.MERCHANT ? "Merchant Receipt" : "Customer Receipt");
        add(fields, "TRANSACTION_TYPE", "Type", switch (t.kind()) {
            case SALE -> "Payment";
            case REFUND -> "Refund";
            case REVERSAL -> "Reversal";
            case PREAUTH -> "Pre-authorisation";
            case CAPTURE -> "Capture";
        });
        add(fields, "SUBJECT", "Description", t.subject());
        TransactionOutcome o = t.outcome();
        add(fields, "AMOUNT_AND_CURRENCY", "Amount",
                (o != null && o.approvedAmount() != null ? o.approvedAmount() : t.amount()).toString());
        ZonedDateTime at = t.updatedAt().atZone(zone);
        add(fields, "DATE", "Date", DATE.format(at));
        add(fields, "TIME", "Time", TIME.format(at));
        add(fields, "STATUS_TEXT", "Status", t.state().name());
        if (o != null) {
            if (o.maskedPan() != null) {
                add(fields, "PAYMENT_DETAILS_SCHEME_OR_LABEL", "Card", o.scheme().name());
                add(fields, "PAYMENT_DETAILS_MASKED_ACCOUNT", "Account", o.maskedPan().value());
                add(fields, "PAYMENT_DETAILS_SOURCE", "Entry", o.entryMode().name());
            }
            if (o.verification() != CardholderVerification.UNKNOWN) {
                add(fields, "PAYMENT_DETAILS_CUSTOMER_VERIFICATION", "Verification", o.verification().name());
            }
            add(fields, "CLEARING_DETAILS_AUTHORIZATION_CODE", "Auth. code", o.authorisationCode());
            add(fields, "CLEARING_DETAILS_TRANSACTION_IDENTIFIER", "Reference", o.terminalReference());
        }
        add(fields, "CLEARING_DETAILS_ORIGINAL_TRANSACTION_IDENTIFIER", "Original", t.originalTransactionId());
        add(fields, "CLEARING_DETAILS_TERMINAL_ID", "Terminal", t.terminalId());
        add(fields, "IDENTIFIER", "PWID", t.id());
        return fields;
    }

    private List<String> lines(List<ReceiptField> fields, boolean signatureLine) {
        List<String> lines = new ArrayList<>(fields.size() + 8); // a field a line, long values wrapped
        for (ReceiptField field : fields) {
            if (field.key().equals("MERCHANT_DETAILS_PUBLIC_NAME")) {
                lines.add(center(field.value()));
                continue;
            }
            int labelLength = field.label().length() + 1;
            if (labelLength + 1 + field.value().length() <= width) {
                lines.add(spread(field.label(), field.value()));
            } else {
                lines.add(truncate(field.label() + ":"));
                for (int i = 0; i < field.value().length(); i += width) {
                    lines.add(field.value().substring(i, Math.min(field.value().length(), i + width)));
                }
            }
        }
        if (signatureLine) {
            lines.add("");
            lines.add("X" + "_".repeat(width - 1));
            lines.add(truncate("Customer signature"));
        }
        return lines;
    }

    /**
     * {@code "label:"} at the left and the value at the right of one line, built in one buffer: a
     * settled transaction's two receipts are some forty such lines.
     */
    private String spread(String label, String value) {
        StringBuilder line = new StringBuilder(width).append(label).append(':');
        for (int i = label.length() + 1 + value.length(); i < width; i++) {
            line.append(' ');
        }
        return line.append(value).toString();
    }

    private String center(String text) {
        String t = truncate(text);
        return " ".repeat((width - t.length()) / 2) + t;
    }

    private String truncate(String text) {
        return text.length() <= width ? text : text.substring(0, width);
    }

    private static void add(List<ReceiptField> fields, String key, String label, String value) {
        if (value != null && !value.isEmpty()) {
            fields.add(new ReceiptField(key, label, value));
        }
    }
}
