package io.tillgate.app.cli;

import io.tillgate.admin.auth.PasswordHashes;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tillgate hash-password}: the bcrypt hash of an admin account's password, for the configuration. */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = {"Prints the bcrypt hash of a password for admin.accounts[].passwordHash. The password is read "
                + "without echo from the terminal (asked twice), or as one line from standard input when it is not "
                + "a terminal. It is never written anywhere.",
            "Passwords of at least 12 characters; bcrypt reads at most 72 bytes."},
        footer = {"", "Example:", "  tillgate hash-password",
            "  printf '%s\\n' \"$ADMIN_PASSWORD\" | tillgate hash-password"})
public final class HashPasswordCommand implements Callable<Integer> {

    static final int MIN_LENGTH = 12;

    @Spec
    private CommandSpec spec;

    @Option(names = "--cost", paramLabel = "N",
            description = "bcrypt cost, 2^N rounds, 10-16 (default: ${DEFAULT-VALUE}).")
    private int cost = PasswordHashes.DEFAULT_COST;

    @Override
    public Integer call() throws IOException {
        if (cost < 10 || cost > 16) {
            return fail("--cost must be between 10 and 16, was " + cost);
        }
        char[] password = read();
        try {
            if (password == null) {
                return fail("no password given");
            }
            if (password.length < MIN_LENGTH) {
                return fail("the password must be at least " + MIN_LENGTH + " characters");
            }
            if (new String(password).getBytes(StandardCharsets.UTF_8).length > PasswordHashes.MAX_PASSWORD_BYTES) {
                return fail("the password must be at most " + PasswordHashes.MAX_PASSWORD_BYTES
                        + " bytes (bcrypt's limit)");
            }
            spec.commandLine().getOut().println(PasswordHashes.hash(password, cost));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private char[] read() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password: ");
            char[] second = console.readPassword("Again: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                spec.commandLine().getErr().println("tillgate: the two passwords differ");
                return null;
            }
            Arrays.fill(second, '\0');
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.toCharArray();
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("tillgate hash-password: " + message);
        return ExitCodes.USAGE;
    }
}
