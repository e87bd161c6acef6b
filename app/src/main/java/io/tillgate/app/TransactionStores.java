package io.tillgate.app;

import io.tillgate.app.config.GatewaySettings;
import io.tillgate.core.transaction.InMemoryTransactionStore;
import io.tillgate.core.transaction.TransactionStore;
import io.tillgate.journal.JdbcJournal;
import io.tillgate.journal.JournalSettings;

/** Opens the journal a configuration names, for the gateway and for the operator's journal tools. */
public final class TransactionStores {

    private TransactionStores() {
    }

    public static TransactionStore open(GatewaySettings.JournalSpec spec) {
        if (spec.inMemory()) {
            return new InMemoryTransactionStore();
        }
        return JdbcJournal.open(new JournalSettings(spec.url(), spec.user(), spec.password()));
    }
}
