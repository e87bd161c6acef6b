package io.tillgate.nexo.driver;

import io.tillgate.core.service.TransactionIds;
import io.tillgate.nexo.codec.SaleData;
import io.tillgate.nexo.codec.TransactionIdentification;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The {@code SaleTransactionID} the driver sends for a transaction, and whether an answer the
 * terminal repeats is that transaction's (docs/protocols/identity.md, nexo).
 *
 * <p>{@code @TransactionID} carries the POS's reference unchanged, which repeats across a retry
 * after a decline or the cards of a split tender; the gateway's id stands in when there is none.
 * {@code @TimeStamp} is the transaction's creation time, which the gateway id holds, so the pair
 * can be computed again after a restart and names one payment even where the reference repeats.
 */
final class SaleTransactions {

    private SaleTransactions() {
    }

    /** What to send for the transaction {@code transactionId} with the POS's {@code reference}. */
    static TransactionIdentification of(String transactionId, String reference) {
        return new TransactionIdentification(reference != null ? reference : transactionId,
                OffsetDateTime.ofInstant(createdAt(transactionId), ZoneId.systemDefault()).toString());
    }

    /** An id not made by the gateway (a test's, say) has no time in it; any fixed one will do then. */
    private static Instant createdAt(String transactionId) {
        try {
            return TransactionIds.createdAt(transactionId);
        } catch (IllegalArgumentException noTime) {
            return Instant.EPOCH;
        }
    }

    /**
     * Whether a repeated answer's {@code SaleData} is the transaction's: the pair it was sent, or,
     * as drivers before the reference was sent did, the gateway id itself. An answer without
     * {@code SaleData} cannot be told apart and counts as the transaction's only when the caller
     * matched it by {@code ServiceID}.
     */
    static boolean isOf(SaleData echoed, String transactionId, String reference) {
        TransactionIdentification echo = echoed == null ? null : echoed.saleTransactionId();
        if (echo == null || echo.transactionId() == null) {
            return false;
        }
        if (echo.transactionId().equals(transactionId)) {
            return true;
        }
        TransactionIdentification sent = of(transactionId, reference);
        return echo.transactionId().equals(sent.transactionId()) && sameInstant(echo.timeStamp(), sent.timeStamp());
    }

    private static boolean sameInstant(String echoed, String sent) {
        if (echoed == null) {
            return false;
        }
        try {
            return OffsetDateTime.parse(echoed).toInstant().equals(OffsetDateTime.parse(sent).toInstant());
        } catch (DateTimeException unreadable) {
            return false;
        }
    }
}
