package io.tillgate.nexo.driver;

import io.tillgate.nexo.codec.MessageHeader;
import io.tillgate.nexo.codec.NexoResponseBody;
import io.tillgate.nexo.codec.PaymentResponse;
import io.tillgate.nexo.codec.ReversalResponse;
import io.tillgate.nexo.codec.TransactionIdentification;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the driver keeps of recent transactions: the header each was sent with, so that
 * TransactionStatus can name its ServiceID after a lost answer, and the POITransactionID the
 * terminal gave, so that a refund or reversal quotes it exactly as the terminal wrote it. Bounded,
 * since a gateway runs for months; written by HTTP callbacks and read by callers' threads.
 */
final class TransactionMemory {

    /** How many transactions' ServiceIDs and POITransactionIDs are remembered for recovery and reversal. */
    private static final int REMEMBERED = 256;

    private final Object lock = new Object();
    private final Map<String, MessageHeader> sentHeaders = bounded();
    private final Map<String, TransactionIdentification> poiTransactions = bounded();

    void sent(String transactionId, MessageHeader header) {
        synchronized (lock) {
            sentHeaders.put(transactionId, header);
        }
    }

    /** The header the transaction was last sent with, or {@code null} if it is not remembered. */
    MessageHeader sentHeader(String transactionId) {
        synchronized (lock) {
            return sentHeaders.get(transactionId);
        }
    }

    /** The POITransactionID the terminal gave under {@code reference}, or {@code null}. */
    TransactionIdentification poiTransaction(String reference) {
        synchronized (lock) {
            return poiTransactions.get(reference);
        }
    }

    /** Keeps the POITransactionID of a PaymentResponse or ReversalResponse, if it carries one. */
    void remember(NexoResponseBody body) {
        var poiData = body instanceof PaymentResponse p ? p.poiData()
                : body instanceof ReversalResponse r ? r.poiData() : null;
        if (poiData != null && poiData.poiTransactionId() != null
                && poiData.poiTransactionId().transactionId() != null) {
            synchronized (lock) {
                poiTransactions.put(poiData.poiTransactionId().transactionId(), poiData.poiTransactionId());
            }
        }
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }
}
