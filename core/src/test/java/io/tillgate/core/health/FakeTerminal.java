package io.tillgate.core.health;

import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.terminal.ActionAnswer;
import io.tillgate.core.terminal.ProbeGuard;
import io.tillgate.core.terminal.Terminal;
import io.tillgate.core.terminal.TerminalCapabilities;
import io.tillgate.core.terminal.TerminalListener;
import io.tillgate.core.terminal.TerminalProbeException;
import io.tillgate.core.terminal.TerminalRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A driver whose terminal the test plays by hand: each probe is an exchange the test answers, and
 * a transaction runs until the test ends it. Guards its probes as real drivers do.
 */
final class FakeTerminal implements Terminal {

    private final String id;
    private final ProbeGuard guard;
    /** Every exchange a probe started, in order; the test completes them. */
    final List<CompletableFuture<Void>> exchanges = new CopyOnWriteArrayList<>();
    final CompletableFuture<TerminalRequest> executing = new CompletableFuture<>();
    private volatile TerminalListener transaction;

    FakeTerminal(String id) {
        this.id = id;
        this.guard = new ProbeGuard(id);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public TerminalCapabilities capabilities() {
        return TerminalCapabilities.all();
    }

    @Override
    public CompletableFuture<Void> probe() {
        return guard.probe(() -> {
            CompletableFuture<Void> exchange = new CompletableFuture<>();
            exchanges.add(exchange);
            return exchange;
        });
    }

    /** The terminal answers the last probe. */
    void answer() {
        last().complete(null);
    }

    /** The last probe finds nobody at the terminal's address. */
    void refuse() {
        last().completeExceptionally(new TerminalProbeException(id, TerminalProbeException.Failure.UNREACHABLE,
                "cannot connect to 192.0.2.7:8888: Connection refused"));
    }

    CompletableFuture<Void> last() {
        return exchanges.get(exchanges.size() - 1);
    }

    @Override
    public void execute(TerminalRequest request, TerminalListener listener) {
        transaction = guard.transactionStarting(listener);
        executing.complete(request);
    }

    /** The running transaction ends with {@code outcome}. */
    void finish(TransactionOutcome outcome) {
        transaction.onOutcome(outcome);
    }

    @Override
    public void abort(String transactionId) {
    }

    @Override
    public void answer(String transactionId, ActionAnswer answer) {
    }
}
