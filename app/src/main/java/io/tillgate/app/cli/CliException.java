package io.tillgate.app.cli;

/**
 * Ends a client command with a message for the operator and an exit code from {@link ExitCodes};
 * thrown where the problem is found, printed once where the command ends.
 */
final class CliException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
