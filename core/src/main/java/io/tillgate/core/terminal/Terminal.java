package io.tillgate.core.terminal;

import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.transaction.TransactionRecord;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The driver SPI: one card terminal, spoken to in its own protocol.
 *
 * <p>{@code PaymentService} guarantees at most one transaction at a time per terminal. No method may
 * block the caller: I/O happens on the driver's own threads and is reported to the listener.
 */
public interface Terminal extends AutoCloseable {

    /** The configured id, unique within a gateway. */
    String id();

    TerminalCapabilities capabilities();

    /** Starts a transaction; progress and the single outcome go to {@code listener}. */
    void execute(TerminalRequest request, TerminalListener listener);

    /** Asks the terminal to abort; the outcome still arrives through the listener. */
    void abort(String transactionId);

    /** Answers the pending {@link TerminalAction} of a transaction. */
    void answer(String transactionId, ActionAnswer answer);

    /**
     * Asks the real terminal the cheapest question its protocol has, to learn whether it is there
     * (Concert identification, IPP PING, nexo Diagnosis; a simulated terminal is always there).
     * Never blocks the caller.
     *
     * <p>Completes normally when the terminal answered as its protocol says; exceptionally with a
     * {@link TerminalProbeException} naming what failed otherwise. One exchange at a time: while the
     * terminal runs a transaction the probe fails at once with
     * {@link TerminalProbeException.Failure#BUSY}, and a transaction that starts makes a running probe
     * give way (see {@link ProbeGuard}). The caller may complete the returned future itself, on its
     * own timeout; the driver then drops the exchange.
     */
    CompletableFuture<Void> probe();

    /**
     * Asks the terminal what became of an earlier transaction, for recovery after a crash or a lost
     * answer. Completes empty when the protocol cannot tell ({@link TerminalCapabilities#recovery()}
     * false) or the terminal does not know the transaction.
     */
    default CompletableFuture<Optional<TransactionOutcome>> recover(TransactionRecord transaction) {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    @Override
    default void close() {
    }
}
