package io.tillgate.ipp.driver.internal;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.ipp.codec.IppNames;
import io.tillgate.ipp.codec.IppStatus;
import io.tillgate.ipp.driver.IppTerminalConfig;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the terminal what became of a transaction whose answer was lost (docs/protocols/ipp.md §7, §13): GET_STATUS
 * on a fresh connection, repeated while the terminal is busy, up to the recovery timeout. When its
 * SID_ORIGINAL is the transaction and it is not completed ({@code STATUS=20}), COMPLETE_TX follows.
 */
public final class StatusQuery {

    private static final Logger LOG = LoggerFactory.getLogger(StatusQuery.class);
    private static final long RETRY_MILLIS = 200;

    private final Sockets sockets;
    private final IppTerminalConfig config;
    private final Housekeeping housekeeping;

    StatusQuery(Sockets sockets, IppTerminalConfig config, Housekeeping housekeeping) {
        this.sockets = sockets;
        this.config = config;
        this.housekeeping = housekeeping;
    }

    public CompletableFuture<Optional<TransactionOutcome>> outcomeOf(String sid, Money requested, int version) {
        CompletableFuture<Optional<TransactionOutcome>> result = new CompletableFuture<>();
        attempt(sid, requested, version, System.nanoTime() + config.recoveryTimeout().toNanos(), result);
        return result;
    }

    private void attempt(String sid, Money requested, int version, long deadline,
            CompletableFuture<Optional<TransactionOutcome>> result) {
        IppLink.open(sockets, config).thenCompose(link -> housekeeping.status(link, version).thenCompose(status -> {
            Optional<TransactionOutcome> outcome = status.status() == IppStatus.BUSY ? null
                    : OutcomeMapper.fromStatus(status, sid, requested);
            boolean pending = status.status() == IppStatus.LAST_TRANSACTION_NOT_COMPLETED
                    && sid.equals(status.text(IppNames.SID_ORIGINAL));
            CompletableFuture<Optional<TransactionOutcome>> done = pending && outcome.isPresent()
                    ? housekeeping.complete(link, sid, version).handle((r, f) -> outcome)
                    : CompletableFuture.completedFuture(outcome);
            return done.whenComplete((r, f) -> link.close());
        })).whenComplete((outcome, failure) -> {
            if (outcome != null && failure == null) {
                result.complete(outcome);
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                LOG.warn("terminal {}: the outcome of {} could not be established within {} ({})", config.id(), sid,
                        config.recoveryTimeout(), failure != null ? failure.getMessage() : "terminal busy");
                result.complete(Optional.empty());
                return;
            }
            try {
                sockets.group().schedule(() -> attempt(sid, requested, version, deadline, result), RETRY_MILLIS,
                        TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                result.complete(Optional.empty());
            }
        });
    }
}
