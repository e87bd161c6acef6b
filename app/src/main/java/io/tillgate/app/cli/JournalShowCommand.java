package io.tillgate.app.cli;

import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tillgate journal show ID}: one transaction with its outcome and history. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Shows one transaction: its fields, its outcome and every state it went through.")
final class JournalShowCommand implements Callable<Integer> {

    @ParentCommand
    private JournalCommand journal;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The transaction identifier (32 hex characters).")
    private String id;

    @Override
    public Integer call() {
        try (TransactionStore store = journal.open()) {
            TransactionRecord transaction = store.findById(id).orElseThrow(
                    () -> new CliException(ExitCodes.NOT_APPROVED, "no transaction " + id + " in the journal"));
            JournalView.details(spec.commandLine().getOut(), transaction, store.history(id));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        } catch (CliException e) {
            return JournalCommands.fail(spec, "show", e);
        }
    }
}
