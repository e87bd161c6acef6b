package io.tillgate.app.admin;

import io.tillgate.admin.health.ReadinessCheck;
import io.tillgate.core.transaction.TransactionStore;
import io.tillgate.journal.JdbcJournal;
import java.util.Optional;

/** {@code journal}: the journal takes writes (an in-memory one always does). */
final class JournalReadiness implements ReadinessCheck {

    private final TransactionStore journal;

    JournalReadiness(TransactionStore journal) {
        this.journal = journal;
    }

    @Override
    public String name() {
        return "journal";
    }

    @Override
    public Result check() {
        if (!(journal instanceof JdbcJournal jdbc)) {
            return Result.up("in memory");
        }
        Optional<String> problem = jdbc.writeProblem();
        return problem.map(Result::down).orElseGet(() -> Result.up("takes writes"));
    }
}
