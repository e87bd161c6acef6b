package io.tillgate.nexo.driver;

import io.tillgate.nexo.codec.Response;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the driver reports: one log, named after {@link NexoTerminal} as operators configure it
 * whichever part of the driver writes, and a failure or a terminal's refusal put into a log line
 * or an outcome's note the same way wherever it was met.
 */
final class Diagnostics {

    static final Logger LOG = LoggerFactory.getLogger(NexoTerminal.class);

    private Diagnostics() {
    }

    /** Result, ErrorCondition and AdditionalResponse of a terminal's answer, e.g. {@code Failure/Busy (x)}. */
    static String condition(Response response) {
        return response.result().code() + (response.errorCondition() == null ? ""
                : "/" + response.errorCondition().code())
                + (response.additionalResponse() == null ? "" : " (" + response.additionalResponse() + ")");
    }

    /** The failure a future completed with, without the CompletionExceptions wrapped around it. */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
