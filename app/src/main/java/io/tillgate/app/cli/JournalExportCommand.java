package io.tillgate.app.cli;

import io.tillgate.admin.api.ExportRow;
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

/** {@code tillgate journal export}: transactions for reconciliation and reporting. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes transactions to standard output as CSV (with a header row) or a JSON array, "
                + "oldest first, for reconciliation with the acquirer's reports. Card numbers are masked."})
final class JournalExportCommand implements Callable<Integer> {

    /** The export formats. */
    enum Format { csv, json }

    @ParentCommand
    private JournalCommand journal;

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "csv or json.")
    private Format format;

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Only transactions created since WHEN (24h, 7d, or 2026-11-23T00:00:00Z). Default: all.")
    private String since;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (TransactionStore store = journal.open()) {
            Instant from = since == null ? Instant.EPOCH : JournalView.since(since, Clock.systemUTC());
            List<ExportRow> rows = store.findSince(from).stream().map(ExportRow::of).toList();
            out.print(ExportRow.write(rows, format == Format.csv));
            out.flush();
            return ExitCodes.OK;
        } catch (CliException e) {
            return JournalCommands.fail(spec, "export", e);
        }
    }
}
