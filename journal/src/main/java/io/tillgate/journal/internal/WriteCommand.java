package io.tillgate.journal.internal;

import io.tillgate.core.payment.CardDataMasker;
import io.tillgate.core.transaction.FencedWriteException;
import io.tillgate.core.transaction.IllegalTransitionException;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.journal.Fence;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One write waiting for the writer thread, with the future its caller waits on. */
sealed interface WriteCommand {

    TransactionRecord record();

    CompletableFuture<Void> future();

    /**
     * Runs inside the writer's open database transaction.
     *
     * @return {@code null} when written, or the refusal to complete the future with (the rest of the
     *     batch is still committed)
     * @throws SQLException when the database failed, which rolls the whole batch back
     */
    RuntimeException apply(WriteStatements statements) throws SQLException;

    /** A new transaction; its column values are worked out here, on the caller's thread. */
    static WriteCommand insert(TransactionRecord record, Fence fence) {
        return new Insert(record, TransactionRows.identity(record), TransactionRows.progress(record), fence,
                new CompletableFuture<>());
    }

    /** A state change; its column values are worked out here, on the caller's thread. */
    static WriteCommand update(TransactionRecord record, String note, String actor, Fence fence) {
        return new Update(record, TransactionRows.progress(record), CardDataMasker.mask(note), actor, fence,
                new CompletableFuture<>());
    }

    /**
     * A new transaction; refused if its id is already recorded, and with a {@code fence} (a cluster
     * node) also if the lease is not the fence's or another transaction holds one of its claims.
     */
    record Insert(TransactionRecord record, ColumnValues identity, ColumnValues progress, Fence fence,
            CompletableFuture<Void> future) implements WriteCommand {

        @Override
        public RuntimeException apply(WriteStatements statements) throws SQLException {
            if (fence != null) {
                return statements.insertFenced(record, identity, progress, fence);
            }
            return statements.insert(record, identity, progress) ? null
                    : new IllegalStateException("transaction " + record.id() + " already recorded");
        }
    }

    /**
     * A state change; refused, and raised as an alarm, if the stored state may not move to it, or
     * with a {@code fence} (a cluster node) if the terminal's lease has passed to another holder or epoch.
     */
    record Update(TransactionRecord record, ColumnValues progress, String note, String actor, Fence fence,
            CompletableFuture<Void> future) implements WriteCommand {

        private static final Logger LOG = LoggerFactory.getLogger(WriteCommand.class);

        @Override
        public RuntimeException apply(WriteStatements statements) throws SQLException {
            if (fence != null) {
                RuntimeException refused = statements.updateFenced(List.of(this), fence);
                if (refused instanceof FencedWriteException) {
                    LOG.error("ALARM {}", refused.getMessage());
                } else if (refused != null) {
                    LOG.error("ALARM transaction {} refused: {}", record.id(), refused.getMessage());
                }
                return refused;
            }
            if (statements.update(List.of(this))) {
                return null;
            }
            return statements.state(record.id())
                    .<RuntimeException>map(stored -> {
                        LOG.error("ALARM transaction {} refused to move from {} to {}{}", record.id(), stored,
                                record.state(), stored.isFinal() ? ": a final state is never overwritten" : "");
                        return new IllegalTransitionException(record.id(), stored, record.state());
                    })
                    .orElseGet(() -> new IllegalStateException("transaction " + record.id() + " was never recorded"));
        }
    }
}
