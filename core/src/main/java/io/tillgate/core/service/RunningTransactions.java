package io.tillgate.core.service;

import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.transaction.TransactionRecord;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The transactions terminals are working on, found by terminal, by gateway id, by message identity
 * and by POS reference. Registration happens under the admission lock; lookups may come from any
 * thread.
 */
final class RunningTransactions {

    private final Map<String, ActiveTransaction> byTerminal = new ConcurrentHashMap<>();
    private final Map<String, ActiveTransaction> byId = new ConcurrentHashMap<>();
    private final Map<String, ActiveTransaction> byMessage = new ConcurrentHashMap<>();
    private final Map<String, ActiveTransaction> byReference = new ConcurrentHashMap<>();

    /** Registers a new transaction; false, registering nothing, when its terminal is busy. */
    boolean register(ActiveTransaction active) {
        TransactionRecord record = active.record();
        if (byTerminal.putIfAbsent(record.terminalId(), active) != null) {
            return false;
        }
        byId.put(record.id(), active);
        if (record.requestReference() != null) {
            byMessage.put(messageKey(record.merchantId(), record.protocol(), record.requestReference()), active);
        }
        if (record.reference() != null) {
            byReference.put(referenceKey(record.merchantId(), record.kind(), record.reference()), active);
        }
        return true;
    }

    void unregister(ActiveTransaction active) {
        TransactionRecord record = active.record();
        byTerminal.remove(record.terminalId(), active);
        byId.remove(record.id(), active);
        if (record.requestReference() != null) {
            byMessage.remove(messageKey(record.merchantId(), record.protocol(), record.requestReference()), active);
        }
        if (record.reference() != null) {
            byReference.remove(referenceKey(record.merchantId(), record.kind(), record.reference()), active);
        }
    }

    ActiveTransaction onTerminal(String terminalId) {
        return byTerminal.get(terminalId);
    }

    boolean isEmpty() {
        return byTerminal.isEmpty();
    }

    /** Every running transaction, at most one per terminal. */
    List<ActiveTransaction> all() {
        return List.copyOf(byTerminal.values());
    }

    ActiveTransaction withId(String transactionId) {
        return byId.get(transactionId);
    }

    /** The running transaction this message started, if it is this message sent again. */
    ActiveTransaction forMessage(String merchantId, String protocol, String requestReference) {
        return byMessage.get(messageKey(merchantId, protocol, requestReference));
    }

    /** The running transaction of this kind that carries the POS reference. */
    ActiveTransaction withReference(String merchantId, PaymentKind kind, String reference) {
        return byReference.get(referenceKey(merchantId, kind, reference));
    }

    /** The newest running transaction of any kind that carries the POS reference. */
    Optional<ActiveTransaction> newestWithReference(String merchantId, String reference) {
        return Stream.of(PaymentKind.values())
                .map(kind -> byReference.get(referenceKey(merchantId, kind, reference)))
                .filter(active -> active != null)
                .max(Comparator.comparing(active -> active.record().createdAt()));
    }

    private static String messageKey(String merchantId, String protocol, String requestReference) {
        return merchantId + '\u0000' + protocol + '\u0000' + requestReference;
    }

    private static String referenceKey(String merchantId, PaymentKind kind, String reference) {
        return merchantId + '\u0000' + kind + '\u0000' + reference;
    }
}
