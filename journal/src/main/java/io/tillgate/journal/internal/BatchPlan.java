package io.tillgate.journal.internal;

import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one group commit's writes reach the database: a transaction's consecutive updates in the
 * batch become one row update that sets the last one's values, with an event for each. A payment's
 * SENT, IN_PROGRESS and outcome usually arrive within one commit interval; written one by one they
 * would rewrite the row, and its state index, three times in the same database transaction.
 *
 * <p>Every write still gets its own answer. An update joins the transaction's open chain only if
 * it may follow the chain's last state, carries the same fence and is the gateway's own (an
 * operator's resolution stays on its own and closes the chain), so a chain is refused only when
 * its first update would be; then its writes run again one by one, each refused or written exactly
 * as on its own. Writes of different transactions do not depend on each other, so moving an
 * update up to its chain changes no outcome, and a transaction's own writes keep their order.
 */
final class BatchPlan {

    private BatchPlan() {
    }

    /** A statement-level write: one insert, or a chain of one transaction's updates. */
    static final class Step {
        private final List<WriteCommand> commands = new ArrayList<>(2);
        private final List<Integer> positions = new ArrayList<>(2);

        private Step(WriteCommand command, int position) {
            add(command, position);
        }

        private void add(WriteCommand command, int position) {
            commands.add(command);
            positions.add(position);
        }

        /** The writes this step covers, in the order they were queued. */
        List<WriteCommand> commands() {
            return commands;
        }

        /**
         * Writes the step and puts each write's refusal, or {@code null}, at its place in the batch.
         *
         * @throws SQLException when the database failed, which rolls the whole batch back
         */
        void apply(WriteStatements statements, RuntimeException[] refusals) throws SQLException {
            if (commands.size() > 1 && chainWritten(statements)) {
                return;
            }
            for (int i = 0; i < commands.size(); i++) {
                refusals[positions.get(i)] = commands.get(i).apply(statements);
            }
        }

        private boolean chainWritten(WriteStatements statements) throws SQLException {
            List<WriteCommand.Update> chain = new ArrayList<>(commands.size());
            for (WriteCommand command : commands) {
                chain.add((WriteCommand.Update) command);
            }
            // A refused row update changed nothing, so the writes can run again one by one.
            return chain.get(0).fence() == null ? statements.update(chain)
                    : statements.updateFenced(chain, chain.get(0).fence()) == null;
        }
    }

    /** The batch's writes as steps, in the order of each step's first write. */
    static List<Step> of(List<WriteCommand> batch) {
        List<Step> steps = new ArrayList<>(batch.size());
        Map<String, Step> openChains = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            WriteCommand command = batch.get(i);
            String id = command.record().id();
            Step chain = openChains.get(id);
            if (chain != null && joins(chain, command)) {
                chain.add(command, i);
                continue;
            }
            Step step = new Step(command, i);
            steps.add(step);
            if (command instanceof WriteCommand.Update update && update.actor() == null) {
                openChains.put(id, step);
            } else {
                openChains.remove(id);
            }
        }
        return steps;
    }

    private static boolean joins(Step chain, WriteCommand command) {
        if (!(command instanceof WriteCommand.Update update) || update.actor() != null) {
            return false;
        }
        WriteCommand.Update last = (WriteCommand.Update) chain.commands.get(chain.commands.size() - 1);
        return Objects.equals(last.fence(), update.fence()) && follows(last.record(), update.record());
    }

    /**
     * Whether the journal lets {@code next} replace {@code previous}: the rule the update statement
     * enforces against the stored row ({@link WriteStatements}), applied to the chain in memory.
     */
    static boolean follows(TransactionRecord previous, TransactionRecord next) {
        TransactionState from = previous.state();
        TransactionState to = next.state();
        if (!from.isFinal()) {
            return from == to || from.canMoveTo(to);
        }
        // Only the capture of an approved pre-authorisation rewrites a final state.
        return to == from && next.captured() && !previous.captured();
    }
}
