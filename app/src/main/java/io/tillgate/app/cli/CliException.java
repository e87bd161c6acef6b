package io.tillgate.app.cli;

/**
 * Ends a client command with a message for the operator and an exit code from {@link ExitCodes};
 * thrown where the problem is found, printed once where the command ends.
 */
final class CliException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final String p3ErrorType;

    CliException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    /** @param p3ErrorType the error type of the server's ERROR answer behind this, or {@code null} */
    CliException(int exitCode, String message, String p3ErrorType) {
        super(message);
        this.exitCode = exitCode;
        this.p3ErrorType = p3ErrorType;
    }

    int exitCode() {
        return exitCode;
    }

    /** The P3 error type the server answered with, e.g. {@code INVALID_REQUEST}; {@code null} if none. */
    String p3ErrorType() {
        return p3ErrorType;
    }
}
