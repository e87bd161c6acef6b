package io.tillgate.core.service;

import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.terminal.Terminal;
import io.tillgate.core.transaction.TransactionMdc;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.core.transaction.TransactionStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves what an earlier run left unfinished: each transaction that never reached a final state
 * is asked of its terminal where the protocol has a status query, and otherwise becomes
 * {@link TransactionState#UNKNOWN} for an operator. In a cluster only the terminals this node
 * holds are recovered, so one node never touches another's live payments.
 */
final class UnfinishedRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(UnfinishedRecovery.class);

    private final Map<String, Terminal> terminals;
    private final TransactionStore store;
    private final PaymentServiceSettings settings;
    private final Clock clock;
    /** Where the store is read, never a Netty event loop. */
    private final Executor reads;

    UnfinishedRecovery(Map<String, Terminal> terminals, TransactionStore store, PaymentServiceSettings settings,
            Clock clock, Executor reads) {
        this.terminals = terminals;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.reads = reads;
    }

    /** Why a transaction is recovered, in the words of its log line and history note. */
    enum Occasion {
        RESTART("gateway restarted", "recovered from the terminal after a gateway restart"),
        TAKE_OVER("terminal taken over from another node",
                "recovered from the terminal after a take-over from another node");

        private final String why;
        private final String note;

        Occasion(String why, String note) {
            this.why = why;
            this.note = note;
        }
    }

    /** Recovers the unfinished transactions of the terminals {@code scope} accepts; completes with them afterwards. */
    CompletableFuture<List<TransactionRecord>> recover(Predicate<String> scope, Occasion occasion) {
        return CompletableFuture.supplyAsync(store::findUnresolved, reads).thenCompose(unresolved -> {
            List<CompletableFuture<TransactionRecord>> recovered = new ArrayList<>();
            for (TransactionRecord record : unresolved) {
                if (scope.test(record.terminalId())) {
                    recovered.add(TransactionMdc.call(record.id(), () -> askTerminal(record, occasion)));
                }
            }
            return CompletableFuture.allOf(recovered.toArray(CompletableFuture[]::new))
                    .thenApply(v -> recovered.stream().map(CompletableFuture::join).toList());
        });
    }

    private CompletableFuture<TransactionRecord> askTerminal(TransactionRecord record, Occasion occasion) {
        Terminal terminal = terminals.get(record.terminalId());
        if (terminal == null || !terminal.capabilities().recovery()) {
            return markUnknown(record, terminal == null ? "terminal " + record.terminalId() + " is no longer configured"
                    : occasion.why + "; terminal " + record.terminalId() + " has no status query");
        }
        return terminal.recover(record)
                .orTimeout(settings.transactionTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((found, failure) -> TransactionMdc.call(record.id(), () -> {
                    if (failure != null || found.isEmpty()) {
                        return markUnknown(record, failure != null
                                ? "status query failed: " + PaymentException.from(failure).getMessage()
                                : "terminal does not know the transaction");
                    }
                    TransactionRecord resolved = record.withOutcome(found.get(),
                            PaymentService.capturedAfter(record, found.get()), clock.instant());
                    LOG.warn("transaction {} recovered from terminal {} ({}): {}", record.id(),
                            record.terminalId(), occasion.why, resolved.state());
                    return store.update(resolved, occasion.note)
                            .thenApply(v -> resolved);
                }))
                .thenCompose(next -> next);
    }

    private CompletableFuture<TransactionRecord> markUnknown(TransactionRecord record, String why) {
        if (record.state() == TransactionState.UNKNOWN) {
            return CompletableFuture.completedFuture(record);
        }
        TransactionRecord unknown = record.withOutcome(
                TransactionOutcome.of(TransactionResult.UNKNOWN, "GATEWAY_RESTART"), false, clock.instant());
        LOG.warn("transaction {} ({} {} on {}) was {} when its gateway stopped; now UNKNOWN: {}", record.id(),
                record.kind(), record.amount(), record.terminalId(), record.state(), why);
        return store.update(unknown, why).thenApply(v -> unknown);
    }
}
