package io.tillgate.app.cli;

import io.tillgate.app.TransactionStores;
import io.tillgate.app.config.ConfigException;
import io.tillgate.app.config.ConfigLoader;
import io.tillgate.app.config.GatewaySettings;
import io.tillgate.core.transaction.TransactionStore;
import io.tillgate.journal.JournalSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code tillgate journal}: the operator's view of the transaction journal. The tools open the
 * journal the configuration names directly, so they work whether or not the gateway runs.
 */
@Command(name = "journal", mixinStandardHelpOptions = true,
        description = {
            "Lists, shows, resolves and exports the transactions in the journal.",
            "The journal is the one the configuration names (default: jdbc:sqlite:data/journal.db under the "
                    + "current directory); the gateway may be running meanwhile."},
        subcommands = {JournalListCommand.class, JournalShowCommand.class, JournalResolveCommand.class,
            JournalExportCommand.class},
        footer = {"", "Examples:",
            "  tillgate journal list --unresolved",
            "  tillgate journal show 97a293ca3b804d639d8552962e0e3522",
            "  tillgate journal resolve 97a293ca3b804d639d8552962e0e3522 --approved --note \"acquirer report\"",
            "  tillgate journal export --format csv --since 7d > transactions.csv"})
public final class JournalCommand {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The gateway's YAML configuration, for the journal URL (default: the embedded one).")
    Path config;

    /** Opens the configured journal; a configuration problem becomes a usage error naming the key. */
    TransactionStore open() throws CliException {
        GatewaySettings settings;
        try {
            settings = config == null ? ConfigLoader.loadDefault() : ConfigLoader.load(config);
        } catch (ConfigException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        Optional<Path> file = settings.journal().inMemory() ? Optional.empty()
                : new JournalSettings(settings.journal().url(), null, null).sqliteFile();
        if (file.isPresent() && !Files.exists(file.get())) {
            // Opening would create an empty journal and then report that it holds nothing.
            throw new CliException(ExitCodes.USAGE, "no journal at " + file.get().toAbsolutePath()
                    + " (journal.url " + settings.journal().redactedUrl() + "); run this where tillgate serve runs, "
                    + "or name its configuration with --config");
        }
        try {
            return TransactionStores.open(settings.journal());
        } catch (RuntimeException e) {
            throw new CliException(ExitCodes.CONNECTION, "cannot open the journal " + settings.journal().redactedUrl()
                    + ": " + e.getMessage());
        }
    }
}
