package io.tillgate.app.cli;

import io.tillgate.core.transaction.TransactionEvent;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Option(names = "--json", description = "Print one JSON document (docs/cli-json.md) instead of text.")
    private boolean json;

    /** The document of {@code journal show --json}; on an error {@code transaction} and {@code history} are null. */
    record Document(JsonJournalTransaction transaction, List<JsonJournalTransaction.Event> history, JsonError error) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (TransactionStore store = journal.open()) {
            TransactionRecord transaction = store.findById(id).orElseThrow(
                    () -> new CliException(ExitCodes.NOT_APPROVED, "no transaction " + id + " in the journal"));
            List<TransactionEvent> history = store.history(id);
            if (json) {
                JsonOutput.print(out, new Document(JsonJournalTransaction.of(transaction),
                        history.stream().map(JsonJournalTransaction.Event::of).toList(), null));
            } else {
                JournalView.details(out, transaction, history);
                out.flush();
            }
            return ExitCodes.OK;
        } catch (CliException e) {
            if (json) {
                JsonOutput.print(out, new Document(null, null, JsonError.of(e)));
            }
            return JournalCommands.fail(spec, "show", e);
        }
    }
}
