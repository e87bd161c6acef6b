package io.tillgate.app.cli;

/** The exit codes of the client commands, one meaning each, so scripts can branch on them. */
final class ExitCodes {

    /** The transaction was approved, or (query) the transaction was found. */
    static final int OK = 0;
    /** Declined, aborted, failed or inconclusive; (query) not found. */
    static final int NOT_APPROVED = 1;
    /** Bad command line (picocli's own code for usage errors). */
    static final int USAGE = 2;
    /** No connection, login refused, protocol failure, or the outcome could not be established. */
    static final int CONNECTION = 3;
    /** Stopped by a second Ctrl-C while a transaction still ran (128 + SIGINT). */
    static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
