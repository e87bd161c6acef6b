package io.tillgate.app.cli;

import io.tillgate.p3.client.P3ErrorException;
import io.tillgate.p3.client.PayClientException;
import io.tillgate.p3.client.TransactionOutcomeUnknownException;
import io.tillgate.p3.client.TransactionStatus;
import io.tillgate.p3.codec.P3Transaction;
import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Turns the end of a charge or refund into what the command prints and its exit code. */
final class TransactionOutcomes {

    private TransactionOutcomes() {
    }

    /**
     * The final transaction of a completed {@code result}. An ERROR response that still carries
     * the transaction is reported on {@code err} and its transaction returned; every other failure
     * becomes a {@link CliException}.
     */
    static P3Transaction finalTransaction(CompletableFuture<P3Transaction> result, PrintWriter err, String command)
            throws CliException {
        try {
            return result.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof P3ErrorException error && error.transaction().isPresent()) {
                err.println("tillgate " + command + ": " + describe(error));
                err.flush();
                return error.transaction().get();
            }
            if (cause instanceof P3ErrorException error) {
                throw new CliException(ExitCodes.NOT_APPROVED, describe(error), error.rawType());
            }
            if (cause instanceof TransactionOutcomeUnknownException unknown) {
                throw new CliException(ExitCodes.CONNECTION, unknown.getMessage()
                        + ": tillgate query --tag " + unknown.tag());
            }
            if (cause instanceof PayClientException failure) {
                throw new CliException(ExitCodes.CONNECTION, failure.getMessage());
            }
            throw e;
        }
    }

    /**
     * The error as the client words it, and the server's developer message after it when there is
     * one: P3's human messages are fixed per type ("A parameter is invalid"), the reason is there.
     */
    static String describe(P3ErrorException error) {
        String detail = error.error().developerMessage();
        return detail == null || detail.isBlank() ? error.getMessage() : error.getMessage() + " (" + detail + ")";
    }

    /** {@link ExitCodes#OK} only for APPROVED. */
    static int exitCode(P3Transaction transaction) {
        return TransactionStatus.of(transaction) == TransactionStatus.APPROVED ? ExitCodes.OK : ExitCodes.NOT_APPROVED;
    }
}
