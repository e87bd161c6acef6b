package io.tillgate.concert.frontend;

import io.tillgate.core.service.PaymentService;
import io.tillgate.core.transaction.TransactionRecord;
import java.util.concurrent.atomic.AtomicReference;

/** What every connection of one front-end shares. */
final class ConcertFrontEndContext {

    private final ConcertFrontEndConfig config;
    private final PaymentService payments;
    private final TicketPrinter tickets;
    /** The sale a Concert cancellation refers to; kept in memory, so a restart forgets it. */
    private final AtomicReference<TransactionRecord> lastApprovedSale = new AtomicReference<>();

    ConcertFrontEndContext(ConcertFrontEndConfig config, PaymentService payments) {
        this.config = config;
        this.payments = payments;
        this.tickets = new TicketPrinter(config);
    }

    ConcertFrontEndConfig config() {
        return config;
    }

    PaymentService payments() {
        return payments;
    }

    TicketPrinter tickets() {
        return tickets;
    }

    TransactionRecord lastApprovedSale() {
        return lastApprovedSale.get();
    }

    void approved(TransactionRecord sale) {
        lastApprovedSale.set(sale);
    }

    void reversed(String saleId) {
        lastApprovedSale.getAndUpdate(last -> last != null && last.id().equals(saleId) ? null : last);
    }
}
