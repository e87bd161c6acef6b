package io.tillgate.core.receipt;

import java.util.Objects;

/**
 * One labelled line of a receipt.
 *
 * @param key a stable key from the SDK receipt-key family ({@code AMOUNT_AND_CURRENCY}, …)
 * @param label what a printed receipt shows before the value
 * @param value the value, never a full PAN
 */
public record ReceiptField(String key, String label, String value) {

    public ReceiptField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }
}
