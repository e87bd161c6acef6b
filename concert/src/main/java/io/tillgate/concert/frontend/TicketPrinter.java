package io.tillgate.concert.frontend;

import io.tillgate.concert.codec.Ticket;
import io.tillgate.concert.codec.TicketMode;
import io.tillgate.core.receipt.MerchantDetails;
import io.tillgate.core.receipt.Receipt;
import io.tillgate.core.receipt.ReceiptComposer;
import io.tillgate.core.transaction.TransactionRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The tickets a request's {@code CK} asks for, from the terminal's own receipts when it printed
 * some and from the gateway's {@link ReceiptComposer} otherwise.
 */
final class TicketPrinter {

    /** Latin-1 bytes whose base64 still fits one {@code AK}. */
    private static final int MAX_TEXT_BYTES = Ticket.MAX_DATA_LENGTH / 4 * 3;

    private final ReceiptComposer composer;

    TicketPrinter(ConcertFrontEndConfig config) {
        this.composer = new ReceiptComposer(new MerchantDetails(config.merchantId(), null, null, null, null),
                config.zone(), config.ticketWidth());
    }

    List<Ticket> tickets(TicketMode asked, TransactionRecord transaction) {
        if (asked == null || !asked.returned()) {
            return List.of();
        }
        List<Ticket> tickets = new ArrayList<>(2);
        if (asked.copies() != TicketMode.Copies.CUSTOMER) {
            tickets.add(ticket(TicketMode.Copies.MERCHANT, transaction));
        }
        if (asked.copies() != TicketMode.Copies.MERCHANT) {
            tickets.add(ticket(TicketMode.Copies.CUSTOMER, transaction));
        }
        return tickets;
    }

    private Ticket ticket(TicketMode.Copies copy, TransactionRecord transaction) {
        List<String> printed = copy == TicketMode.Copies.MERCHANT ? transaction.outcome().merchantReceipt()
                : transaction.outcome().customerReceipt();
        List<String> lines = printed.isEmpty() ? composer.compose(transaction,
                copy == TicketMode.Copies.MERCHANT ? Receipt.Copy.MERCHANT : Receipt.Copy.CUSTOMER).lines() : printed;
        return Ticket.ofLines(copy, fitting(lines));
    }

    /** Whole lines, as many as fit one AK; a ticket cut short beats one a terminal cannot send. */
    private static List<String> fitting(List<String> lines) {
        List<String> kept = new ArrayList<>(lines.size());
        int bytes = 0;
        for (String line : lines) {
            int length = line.getBytes(StandardCharsets.ISO_8859_1).length + (kept.isEmpty() ? 0 : 1);
            if (bytes + length > MAX_TEXT_BYTES) {
                break;
            }
            kept.add(line);
            bytes += length;
        }
        return kept;
    }
}
