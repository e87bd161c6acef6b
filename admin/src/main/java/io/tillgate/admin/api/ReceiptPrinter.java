package io.tillgate.admin.api;

import io.tillgate.core.merchant.Merchant;
import io.tillgate.core.merchant.MerchantDirectory;
import io.tillgate.core.receipt.MerchantDetails;
import io.tillgate.core.receipt.Receipt;
import io.tillgate.core.receipt.ReceiptComposer;
import io.tillgate.core.transaction.TransactionRecord;
import java.time.ZoneId;
import java.util.List;

/**
 * A settled transaction's receipts as they were printed: the terminal's own lines where it sent them
 * (Concert, IPP, nexo), otherwise the gateway's receipt for the merchant, as P3 hands it to the POS.
 */
public final class ReceiptPrinter {

    /** The merchant copy and the customer copy; empty when there is none. */
    public record Printed(List<String> merchant, List<String> customer) {

        static final Printed NONE = new Printed(List.of(), List.of());
    }

    private final MerchantDirectory merchants;
    private final ZoneId zone;
    private final int width;

    public ReceiptPrinter(MerchantDirectory merchants, ZoneId zone, int width) {
        this.merchants = merchants;
        this.zone = zone;
        this.width = width;
    }

    public Printed print(TransactionRecord transaction) {
        if (transaction.outcome() == null) {
            return Printed.NONE;
        }
        if (!transaction.outcome().merchantReceipt().isEmpty() || !transaction.outcome().customerReceipt().isEmpty()) {
            return new Printed(transaction.outcome().merchantReceipt(), transaction.outcome().customerReceipt());
        }
        MerchantDetails details = merchants.find(transaction.merchantId()).map(Merchant::details)
                .orElseGet(() -> new MerchantDetails(transaction.merchantId(), null, null, null, null));
        ReceiptComposer composer = new ReceiptComposer(details, zone, width);
        return new Printed(composer.compose(transaction, Receipt.Copy.MERCHANT).lines(),
                composer.compose(transaction, Receipt.Copy.CUSTOMER).lines());
    }
}
