package io.tillgate.app.cli;

/**
 * Why a command run with {@code --json} did not do its job; the text mode prints the same message
 * on standard error.
 *
 * @param message what went wrong, as the text mode says it
 * @param exitCode the command's exit code (see {@link ExitCodes})
 * @param p3ErrorType the error type of the PayServer's ERROR answer behind it, or {@code null}
 */
record JsonError(String message, int exitCode, String p3ErrorType) {

    static JsonError of(CliException e) {
        return new JsonError(e.getMessage(), e.exitCode(), e.p3ErrorType());
    }
}
