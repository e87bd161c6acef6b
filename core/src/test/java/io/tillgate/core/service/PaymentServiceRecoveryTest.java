package io.tillgate.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.terminal.ActionAnswer;
import io.tillgate.core.terminal.Terminal;
import io.tillgate.core.terminal.TerminalCapabilities;
import io.tillgate.core.terminal.TerminalListener;
import io.tillgate.core.terminal.TerminalRequest;
import io.tillgate.core.transaction.InMemoryTransactionStore;
import io.tillgate.core.transaction.TransactionEvent;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PaymentServiceRecoveryTest {

    /** A driver whose protocol can say what became of a transaction (like nexo TransactionStatus). */
    private static final class QueryableTerminal implements Terminal {
        private final String id;
        private final Map<String, TransactionOutcome> known;

        QueryableTerminal(String id, Map<String, TransactionOutcome> known) {
            this.id = id;
            this.known = known;
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
        public void execute(TerminalRequest request, TerminalListener listener) {
            throw new UnsupportedOperationException("recovery test only");
        }

        @Override
        public CompletableFuture<Void> probe() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void abort(String transactionId) {
        }

        @Override
        public void answer(String transactionId, ActionAnswer answer) {
        }

        @Override
        public CompletableFuture<Optional<TransactionOutcome>> recover(TransactionRecord transaction) {
            return CompletableFuture.completedFuture(Optional.ofNullable(known.get(transaction.id())));
        }
    }

    private final InMemoryTransactionStore store = new InMemoryTransactionStore();

    @Test
    void unfinishedTransactionsAreAskedOfTheirTerminalOrBecomeUnknown() throws Exception {
        TransactionRecord recoverable = stored("a".repeat(32), "queryable", TransactionState.IN_PROGRESS);
        TransactionRecord forgotten = stored("b".repeat(32), "queryable", TransactionState.SENT);
        TransactionRecord gone = stored("c".repeat(32), "removed", TransactionState.CREATED);
        TransactionRecord done = stored("d".repeat(32), "queryable", TransactionState.SENT);
        store.update(done.withOutcome(TransactionOutcome.of(TransactionResult.DECLINED, null), false, Instant.now()));

        TransactionOutcome approved = TransactionOutcome.builder(TransactionResult.APPROVED)
                .approvedAmount(recoverable.amount()).authorisationCode("A1B2C3").build();
        try (PaymentService service = new PaymentService(
                List.of(new QueryableTerminal("queryable", Map.of(recoverable.id(), approved))), store,
                PaymentServiceSettings.defaults(), Clock.systemUTC())) {
            List<TransactionRecord> after = service.recoverUnfinished().get(5, TimeUnit.SECONDS);
            assertThat(after).hasSize(3);
        }

        assertThat(store.findById(recoverable.id()).orElseThrow().state()).isEqualTo(TransactionState.APPROVED);
        assertThat(store.findById(recoverable.id()).orElseThrow().outcome().authorisationCode()).isEqualTo("A1B2C3");
        assertThat(store.findById(forgotten.id()).orElseThrow().state()).isEqualTo(TransactionState.UNKNOWN);
        assertThat(store.findById(gone.id()).orElseThrow().state()).isEqualTo(TransactionState.UNKNOWN);
        assertThat(store.findById(done.id()).orElseThrow().state()).isEqualTo(TransactionState.DECLINED);
        assertThat(store.history(gone.id())).extracting(TransactionEvent::note).last().asString()
                .contains("no longer configured");
        assertThat(store.findUnresolved()).extracting(TransactionRecord::id).containsExactlyInAnyOrder(
                forgotten.id(), gone.id());
    }

    private TransactionRecord stored(String id, String terminal, TransactionState state) {
        Instant at = Instant.now();
        TransactionRecord created = new TransactionRecord(id, "demo", terminal, "TEST", "tag-" + id, PaymentKind.SALE,
                Money.ofMinor(1000, "EUR"), null, null, null, false, false, TransactionState.CREATED, null, at, at);
        store.insert(created).join();
        if (state != TransactionState.CREATED) {
            store.update(created.withState(state, at)).join();
        }
        return store.findById(id).orElseThrow();
    }
}
