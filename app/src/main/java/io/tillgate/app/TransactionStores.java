package io.tillgate.app;

import io.tillgate.app.config.GatewaySettings;
import io.tillgate.core.transaction.InMemoryTransactionStore;
import io.tillgate.core.transaction.TransactionStore;
import io.tillgate.journal.CommitObserver;
import io.tillgate.journal.Fencing;
import io.tillgate.journal.JdbcJournal;
import io.tillgate.journal.JournalSettings;

/** Opens the journal a configuration names, for the gateway and for the operator's journal tools. */
public final class TransactionStores {

    private TransactionStores() {
    }

    public static TransactionStore open(GatewaySettings.JournalSpec spec) {
        return open(spec, CommitObserver.NONE);
    }

    /** As {@link #open(GatewaySettings.JournalSpec)}; a database journal tells {@code commits} of each commit. */
    public static TransactionStore open(GatewaySettings.JournalSpec spec, CommitObserver commits) {
        if (spec.inMemory()) {
            return new InMemoryTransactionStore();
        }
        return JdbcJournal.open(settings(spec), commits);
    }

    /** A cluster node's journal: every write carries the node's lease of its terminal (docs/cluster.md). */
    public static TransactionStore openFenced(GatewaySettings.JournalSpec spec, CommitObserver commits,
            Fencing fencing) {
        return JdbcJournal.openFenced(settings(spec), commits, fencing);
    }

    /** How to reach a database journal; not for {@code memory}. */
    public static JournalSettings settings(GatewaySettings.JournalSpec spec) {
        return new JournalSettings(spec.url(), spec.user(), spec.password());
    }
}
