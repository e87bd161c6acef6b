package io.tillgate.app.cli;

import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tillgate journal list}: transactions, oldest first, or those of one POS reference, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists transactions, oldest first.",
            "Without options: those of the last 24 hours. With --unresolved: every transaction whose outcome is "
                    + "not final (UNKNOWN ones need an operator: see tillgate journal resolve). With --reference: "
                    + "every transaction that carries the POS's reference, newest first."})
final class JournalListCommand implements Callable<Integer> {

    @ParentCommand
    private JournalCommand journal;

    @Spec
    private CommandSpec spec;

    @Option(names = "--unresolved", description = "Only transactions without a final outcome.")
    private boolean unresolved;

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Only transactions created since WHEN: a duration before now (30m, 24h, 7d) or an "
                    + "instant (2026-11-23T00:00:00Z). Default: 24h, or all with --unresolved.")
    private String since;

    @Option(names = "--reference", paramLabel = "REF",
            description = "Only transactions with this POS reference (P3 customIdentifier, IPP REFERENCE, nexo "
                    + "SaleTransactionID, Concert CF), of any merchant, newest first: a reference may name "
                    + "several (a retry after a decline, split tender). Default period: all, or --since.")
    private String reference;

    @Option(names = "--json", description = "Print one JSON document (docs/cli-json.md) instead of the table.")
    private boolean json;

    /** The document of {@code journal list --json}; on an error {@code transactions} is {@code null}. */
    record Document(Integer count, List<JsonJournalTransaction> transactions, JsonError error) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (TransactionStore store = journal.open()) {
            Instant from = since != null ? JournalView.since(since, Clock.systemUTC())
                    : unresolved || reference != null ? Instant.EPOCH : JournalView.since("24h", Clock.systemUTC());
            List<TransactionRecord> rows = reference != null ? store.findByReference(reference)
                    : unresolved ? store.findUnresolved() : store.findSince(from);
            rows = rows.stream().filter(r -> !r.createdAt().isBefore(from))
                    .filter(r -> !unresolved || !r.isFinal()).toList();
            if (json) {
                JsonOutput.print(out, new Document(rows.size(), rows.stream().map(JsonJournalTransaction::of).toList(),
                        null));
                return ExitCodes.OK;
            }
            JournalView.header(out);
            rows.forEach(row -> JournalView.row(out, row));
            out.printf("%d transaction(s)%n", rows.size());
            out.flush();
            return ExitCodes.OK;
        } catch (CliException e) {
            if (json) {
                JsonOutput.print(out, new Document(null, null, JsonError.of(e)));
            }
            return JournalCommands.fail(spec, "list", e);
        }
    }
}
