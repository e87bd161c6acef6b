package io.tillgate.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryTransactionStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void beyondItsCapacityItForgetsTheOldestFinishedTransactionsEverywhere() {
        InMemoryTransactionStore store = new InMemoryTransactionStore(3);
        for (int i = 1; i <= 5; i++) {
            TransactionRecord created = created(i);
            store.insert(created).join();
            store.update(created.withOutcome(TransactionOutcome.of(TransactionResult.APPROVED, null), true,
                    T0.plusSeconds(i))).join();
        }

        assertThat(store.findSince(Instant.EPOCH)).extracting(TransactionRecord::id)
                .containsExactly("tx-3", "tx-4", "tx-5");
        assertThat(store.findById("tx-2")).isEmpty();
        assertThat(store.findByReference("shop", "order-2", Instant.EPOCH)).isEmpty();
        assertThat(store.findByRequestReference("shop", "P3", "tag-2")).isEmpty();
        assertThat(store.history("tx-2")).isEmpty();
        assertThat(store.findByReference("order-5")).extracting(TransactionRecord::id).containsExactly("tx-5");
        assertThat(store.history("tx-5")).hasSize(2);
    }

    @Test
    void anUnfinishedTransactionIsKeptUntilItEnds() {
        InMemoryTransactionStore store = new InMemoryTransactionStore(2);
        TransactionRecord running = created(1);
        store.insert(running).join();
        for (int i = 2; i <= 4; i++) {
            TransactionRecord created = created(i);
            store.insert(created).join();
            store.update(created.withOutcome(TransactionOutcome.of(TransactionResult.DECLINED, null), false,
                    T0.plusSeconds(i))).join();
        }
        assertThat(store.findById("tx-1")).as("still running").isPresent();
        assertThat(store.findUnresolved()).extracting(TransactionRecord::id).containsExactly("tx-1");

        store.update(running.withOutcome(TransactionOutcome.of(TransactionResult.APPROVED, null), true,
                T0.plusSeconds(9))).join();
        TransactionRecord later = created(5);
        store.insert(later).join();

        assertThat(store.findById("tx-1")).as("finished, then the oldest").isEmpty();
        assertThat(store.findSince(Instant.EPOCH)).hasSizeLessThanOrEqualTo(3).extracting(TransactionRecord::id)
                .contains("tx-4", "tx-5");
    }

    private static TransactionRecord created(int i) {
        return new TransactionRecord("tx-" + i, "shop", "sim-1", "P3", "tag-" + i, PaymentKind.SALE,
                Money.ofMajor("1.00", "EUR"), "order-" + i, null, null, false, false, TransactionState.CREATED, null,
                T0.plusSeconds(i), T0.plusSeconds(i));
    }
}
