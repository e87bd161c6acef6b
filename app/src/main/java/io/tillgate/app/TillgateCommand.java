package io.tillgate.app;

import io.tillgate.app.cli.CaptureCommand;
import io.tillgate.app.cli.CertCommand;
import io.tillgate.app.cli.ClusterCommand;
import io.tillgate.app.cli.DevicesCommand;
import io.tillgate.app.cli.EmulateCommand;
import io.tillgate.app.cli.HashPasswordCommand;
import io.tillgate.app.cli.JournalCommand;
import io.tillgate.app.cli.PayCommand;
import io.tillgate.app.cli.QueryCommand;
import io.tillgate.app.cli.RefundCommand;
import io.tillgate.app.cli.ReloadCommand;
import io.tillgate.app.cli.ServeCommand;
import io.tillgate.core.TillgateVersion;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The {@code tillgate} executable. */
@Command(name = "tillgate", mixinStandardHelpOptions = true, versionProvider = TillgateCommand.Version.class,
        description = "Open-source payment-terminal gateway: POS software pays on any terminal.",
        subcommands = {ServeCommand.class, ReloadCommand.class, EmulateCommand.class, PayCommand.class,
            RefundCommand.class, CaptureCommand.class, QueryCommand.class, DevicesCommand.class, CertCommand.class,
            HashPasswordCommand.class, JournalCommand.class, ClusterCommand.class,
            AutoComplete.GenerateCompletion.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Start with:  tillgate serve      then in another shell:  tillgate pay --amount 12.00"})
public final class TillgateCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code --version}: the POM's version, as built. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Tillgate " + TillgateVersion.current()};
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TillgateCommand()).execute(args));
    }
}
