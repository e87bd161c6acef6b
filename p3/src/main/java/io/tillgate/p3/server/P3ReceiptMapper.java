package io.tillgate.p3.server;

import io.tillgate.core.receipt.Receipt;
import io.tillgate.core.receipt.ReceiptComposer;
import io.tillgate.core.receipt.ReceiptField;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.p3.codec.P3Receipt;
import io.tillgate.p3.codec.P3ReceiptItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns the core's receipts into P3's receipt objects (docs/protocols/p3.md §4.2): the structured {@code data}
 * keyed by receipt key in print order, and the pre-formatted {@code lines}. The core composes the
 * content so every front-end prints the same receipt; this class only changes its shape.
 */
final class P3ReceiptMapper {

    private final ReceiptComposer composer;

    P3ReceiptMapper(ReceiptComposer composer) {
        this.composer = Objects.requireNonNull(composer, "composer");
    }

    P3Receipt merchantReceipt(TransactionRecord transaction) {
        return toP3(composer.compose(transaction, Receipt.Copy.MERCHANT));
    }

    P3Receipt customerReceipt(TransactionRecord transaction) {
        return toP3(composer.compose(transaction, Receipt.Copy.CUSTOMER));
    }

    static P3Receipt toP3(Receipt receipt) {
        List<P3ReceiptItem> items = new ArrayList<>(receipt.fields().size());
        for (ReceiptField field : receipt.fields()) {
            items.add(new P3ReceiptItem(field.key(), field.label(), field.value()));
        }
        return P3Receipt.fromItems(items, receipt.lines(), receipt.signatureLineRequired(), false);
    }
}
