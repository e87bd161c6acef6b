package io.tillgate.app.cli;

import io.tillgate.core.payment.MaskedPan;
import io.tillgate.p3.client.TransactionUpdate;
import io.tillgate.p3.codec.P3Receipt;
import io.tillgate.p3.codec.P3Transaction;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How the client commands show a transaction: one line per progress update, one result line, and
 * the receipts' pre-formatted lines. A card number is only ever shown masked, even if a server
 * sent more of it.
 */
final class TransactionPrinter {

    private static final Pattern FULL_PAN = Pattern.compile("[0-9]{12,19}");

    private TransactionPrinter() {
    }

    /** {@code   WAITING_FOR_CARD_PRESENTATION  Present card | 12.34 EUR  [abortable]}. */
    static String update(TransactionUpdate update) {
        String information = update.information().stream().filter(line -> !line.isBlank())
                .collect(Collectors.joining(" | "));
        return "  " + update.state() + "  " + information + (update.abortable() ? "  [abortable]" : "");
    }

    /** {@code APPROVED 12.34 EUR  id=…  card=516815******9659  auth=…}, leaving out what is unknown. */
    static String result(P3Transaction transaction) {
        StringBuilder line = new StringBuilder(status(transaction));
        if (transaction.amount() != null) {
            line.append(' ').append(transaction.amount().toPlainString());
            if (transaction.currency() != null) {
                line.append(' ').append(transaction.currency());
            }
        }
        if (transaction.identifier() != null) {
            line.append("  id=").append(transaction.identifier());
        }
        if (transaction.cardDetails() != null && transaction.cardDetails().maskedCardNumber() != null) {
            line.append("  card=").append(masked(transaction.cardDetails().maskedCardNumber()));
        }
        if (transaction.clearingDetails() != null && transaction.clearingDetails().authorizationCode() != null) {
            line.append("  auth=").append(transaction.clearingDetails().authorizationCode());
        }
        return line.toString();
    }

    /** The customer receipt, and the merchant receipt too when asked, each after a blank line. */
    static void receipts(PrintWriter out, P3Transaction transaction, boolean merchantToo) {
        print(out, transaction.customerReceipt());
        if (merchantToo) {
            print(out, transaction.merchantReceipt());
        }
        out.flush();
    }

    private static void print(PrintWriter out, P3Receipt receipt) {
        if (receipt == null || receipt.lines() == null || receipt.lines().isEmpty()) {
            return;
        }
        out.println();
        receipt.lines().forEach(out::println);
    }

    private static String status(P3Transaction transaction) {
        return transaction.status() == null ? "UNKNOWN" : transaction.status().toUpperCase(Locale.ROOT);
    }

    /** The number as sent if it is masked; masked here if a server sent a full PAN; hidden otherwise. */
    static String masked(String cardNumber) {
        String digits = cardNumber.replace(" ", "");
        try {
            new MaskedPan(digits);
            return cardNumber;
        } catch (IllegalArgumentException notMasked) {
            return FULL_PAN.matcher(digits).matches() ? MaskedPan.of(digits).value() : "****";
        }
    }
}
