package io.tillgate.app.cli;

import io.tillgate.core.transaction.OperatorResolution;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionStore;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tillgate journal resolve}: an operator settles a transaction whose outcome the gateway
 * could not establish, after checking with the acquirer; who and why go into its history.
 */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"Settles an UNKNOWN transaction as approved or declined, after you have checked the "
                + "acquirer's records. The decision, your note, who and when are kept in its history.",
            "Only UNKNOWN transactions can be resolved; final ones never change."})
final class JournalResolveCommand implements Callable<Integer> {

    /** The operator's finding. */
    static final class Finding {
        @Option(names = "--approved", required = true, description = "The money moved.")
        boolean approved;

        @Option(names = "--declined", required = true, description = "The money did not move.")
        boolean declined;
    }

    @ParentCommand
    private JournalCommand journal;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The transaction identifier.")
    private String id;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Finding finding;

    @Option(names = "--note", required = true, paramLabel = "TEXT",
            description = "Why: what the acquirer's records show, a ticket number.")
    private String note;

    @Option(names = "--operator", paramLabel = "NAME", description = "Who resolves it. Default: the login name.")
    private String operator = System.getProperty("user.name", "unknown");

    @Override
    public Integer call() {
        try (TransactionStore store = journal.open()) {
            TransactionRecord transaction = store.findById(id).orElseThrow(
                    () -> new CliException(ExitCodes.NOT_APPROVED, "no transaction " + id + " in the journal"));
            TransactionRecord resolved;
            try {
                resolved = OperatorResolution.settle(transaction, finding.approved, Instant.now());
            } catch (IllegalStateException e) {
                throw new CliException(ExitCodes.NOT_APPROVED, e.getMessage());
            }
            store.update(resolved, note, "cli:" + operator).join();
            spec.commandLine().getOut().printf("transaction %s resolved as %s by %s%n", id, resolved.state(), operator);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        } catch (CliException e) {
            return JournalCommands.fail(spec, "resolve", e);
        } catch (CompletionException e) {
            return JournalCommands.fail(spec, "resolve", new CliException(ExitCodes.CONNECTION,
                    "the journal refused the resolution: " + e.getCause().getMessage()));
        }
    }
}
