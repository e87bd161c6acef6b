package io.tillgate.core.receipt;

import java.util.List;

/**
 * A receipt both structured (for POS software that lays it out itself) and pre-formatted (for POS
 * software that just prints lines).
 *
 * @param copy whose copy this is
 * @param fields the labelled values, in print order
 * @param lines the printable lines, each at most the configured width
 * @param signatureLineRequired whether the printed copy carries a line for the customer to sign
 */
public record Receipt(Copy copy, List<ReceiptField> fields, List<String> lines, boolean signatureLineRequired) {

    /** The two copies of a receipt. */
    public enum Copy {
        MERCHANT,
        CUSTOMER
    }

    public Receipt {
        fields = List.copyOf(fields);
        lines = List.copyOf(lines);
    }
}
