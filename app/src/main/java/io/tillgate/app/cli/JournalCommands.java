package io.tillgate.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** What every journal tool does when it cannot do its job. */
final class JournalCommands {

    private JournalCommands() {
    }

    static int fail(CommandSpec spec, String command, CliException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("tillgate journal " + command + ": " + e.getMessage());
        err.flush();
        return e.exitCode();
    }
}
