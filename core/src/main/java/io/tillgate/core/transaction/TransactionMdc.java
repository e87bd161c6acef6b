package io.tillgate.core.transaction;

import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Runs one step of a transaction's work with its id in the SLF4J MDC under {@value #KEY}, so that
 * every log line of the step carries it, whoever writes the line: the payment service, a driver, a
 * front-end's observer. The MDC belongs to a thread, and the steps of one transaction run on many
 * (event loops, the journal's completion thread, timers), so each callback sets it for its own
 * duration, never once per transaction.
 *
 * <p>A step may run inside another (a driver reporting to the payment service on the same thread):
 * the inner one restores the outer one's id when it ends, where {@code MDC.putCloseable} would
 * remove it for the rest of the outer step.
 */
public final class TransactionMdc {

    /** The MDC key, and the field of a JSON log line, that holds the gateway transaction id. */
    public static final String KEY = "transaction";

    private TransactionMdc() {
    }

    /** Runs {@code step} with {@code transactionId} in the MDC. */
    public static void run(String transactionId, Runnable step) {
        String outer = MDC.get(KEY);
        MDC.put(KEY, transactionId);
        try {
            step.run();
        } finally {
            restore(outer);
        }
    }

    /** Calls {@code step} with {@code transactionId} in the MDC and returns what it returns. */
    public static <T> T call(String transactionId, Supplier<T> step) {
        String outer = MDC.get(KEY);
        MDC.put(KEY, transactionId);
        try {
            return step.get();
        } finally {
            restore(outer);
        }
    }

    private static void restore(String outer) {
        if (outer == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, outer);
        }
    }
}
