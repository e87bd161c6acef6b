package io.tillgate.core.service;

import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionStore;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds one of a merchant's transactions as a POS may see it: a running one as it stands now, else
 * the journal's record. Reads the store, so never on a Netty event loop.
 */
final class TransactionFinder {

    private TransactionFinder() {
    }

    static Optional<TransactionRecord> find(RunningTransactions running, TransactionStore store, String merchantId,
            TransactionLookup lookup) {
        ActiveTransaction active;
        Supplier<Optional<TransactionRecord>> stored;
        if (lookup instanceof TransactionLookup.ById byId) {
            active = running.withId(byId.id());
            stored = () -> store.findById(byId.id());
        } else if (lookup instanceof TransactionLookup.ByReference byRef) {
            active = running.newestWithReference(merchantId, byRef.reference()).orElse(null);
            stored = () -> store.findByReference(merchantId, byRef.reference(), Instant.EPOCH).stream().findFirst();
        } else {
            TransactionLookup.ByRequestReference byReq = (TransactionLookup.ByRequestReference) lookup;
            active = running.forMessage(merchantId, byReq.protocol(), byReq.requestReference());
            stored = () -> store.findByRequestReference(merchantId, byReq.protocol(), byReq.requestReference());
        }
        Optional<TransactionRecord> found = active != null ? Optional.of(active.visibleRecord()) : stored.get();
        return found.filter(r -> r.merchantId().equals(merchantId));
    }
}
