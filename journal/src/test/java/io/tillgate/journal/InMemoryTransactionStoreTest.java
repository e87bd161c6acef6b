package io.tillgate.journal;

import io.tillgate.core.transaction.InMemoryTransactionStore;
import io.tillgate.core.transaction.TransactionStore;

/** The core's reference store, held to the same contract as the durable journals. */
class InMemoryTransactionStoreTest extends TransactionStoreContract {

    @Override
    protected TransactionStore openEmptyStore() {
        return new InMemoryTransactionStore();
    }
}
