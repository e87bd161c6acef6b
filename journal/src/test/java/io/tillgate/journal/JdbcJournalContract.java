package io.tillgate.journal;

import static io.tillgate.journal.Transactions.approval;
import static io.tillgate.journal.Transactions.at;
import static io.tillgate.journal.Transactions.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.transaction.IllegalTransitionException;
import io.tillgate.core.transaction.TransactionEvent;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.core.transaction.TransactionStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the durable journals add to the contract: durability across close and reopen, group commit,
 * batches that survive a refused write, and no full card number in any column.
 */
abstract class JdbcJournalContract extends TransactionStoreContract {

    /** Where the current test's journal lives: the same database every time it is opened. */
    protected abstract JournalSettings settings();

    /** Empties the database behind {@link #settings()} (after the schema exists). */
    protected abstract void deleteAll() throws Exception;

    @Override
    protected TransactionStore openEmptyStore() throws Exception {
        JdbcJournal journal = JdbcJournal.open(settings());
        deleteAll();
        return journal;
    }

    JdbcJournal journal() {
        return (JdbcJournal) store;
    }

    @Test
    void reopenedJournalHasEveryWriteSubmittedBeforeClose() {
        List<TransactionRecord> settled = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            TransactionRecord created = sale(at(i));
            store.insert(created);
            store.update(created.withState(TransactionState.SENT, at(i + 1)));
            TransactionRecord approved = created.withOutcome(approval(), true, at(i + 2));
            store.update(approved);
            settled.add(approved);
        }

        store.close();
        store = JdbcJournal.open(settings());

        for (TransactionRecord record : settled) {
            assertThat(store.findById(record.id())).contains(record);
            assertThat(store.history(record.id())).extracting(TransactionEvent::state).containsExactly(
                    TransactionState.CREATED, TransactionState.SENT, TransactionState.APPROVED);
        }
        assertThat(store.findUnresolved()).isEmpty();
    }

    @Test
    void writesAfterCloseAreRefused() {
        store.close();

        assertThatThrownBy(() -> await(store.insert(sale(at(0)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void concurrentUpdatesShareCommits() throws Exception {
        int transactions = 1_000;
        List<TransactionRecord> created = new ArrayList<>();
        List<CompletableFuture<Void>> inserts = new ArrayList<>();
        for (int i = 0; i < transactions; i++) {
            TransactionRecord record = sale(at(i));
            created.add(record);
            inserts.add(store.insert(record));
        }
        CompletableFuture.allOf(inserts.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        long commitsBefore = journal().commitCount();

        List<CompletableFuture<Void>> updates = new ArrayList<>();
        created.parallelStream().forEach(record -> {
            CompletableFuture<Void> update = store.update(record.withState(TransactionState.SENT, at(5_000)));
            synchronized (updates) {
                updates.add(update);
            }
        });
        CompletableFuture.allOf(updates.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        long commits = journal().commitCount() - commitsBefore;
        assertThat(commits).as("commits for %d updates", transactions).isBetween(1L, transactions / 10L);
        assertThat(store.findUnresolved()).allMatch(record -> record.state() == TransactionState.SENT)
                .hasSize(transactions);
    }

    @Test
    void batchLimitOfOneCommitsEveryWrite() throws Exception {
        store.close();
        store = JdbcJournal.open(settings(), 1);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            writes.add(store.insert(sale(at(i))));
        }

        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(journal().commitCount()).isEqualTo(20);
    }

    @Test
    void theCommitObserverHearsOfEveryCommitAndItsWrites() throws Exception {
        store.close();
        List<long[]> commits = Collections.synchronizedList(new ArrayList<>());
        JdbcJournal observed = JdbcJournal.open(settings(), (writes, nanos) -> commits.add(new long[] {writes, nanos}));
        store = observed;
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            TransactionRecord record = sale(at(i));
            writes.add(store.insert(record));
            writes.add(store.update(record.withState(TransactionState.SENT, at(i + 1))));
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(commits).as("told before the writes completed").hasSize((int) observed.commitCount());
        assertThat(commits.stream().mapToLong(commit -> commit[0]).sum()).isEqualTo(200);
        assertThat(commits).allMatch(commit -> commit[0] >= 1 && commit[1] > 0);
    }

    @Test
    void aFailingCommitObserverFailsNoWrite() throws Exception {
        store.close();
        store = JdbcJournal.open(settings(), (writes, nanos) -> {
            throw new IllegalStateException("observer broken");
        });
        TransactionRecord created = sale(at(0));

        await(store.insert(created));
        await(store.update(created.withState(TransactionState.SENT, at(1))));

        assertThat(store.findById(created.id())).map(TransactionRecord::state).contains(TransactionState.SENT);
    }

    @Test
    void refusedWriteFailsAloneAndTheRestOfItsBatchCommits() throws Exception {
        TransactionRecord approved = finalSale(TransactionResult.APPROVED, true);
        List<TransactionRecord> fresh = List.of(sale(at(0)), sale(at(1)), sale(at(2)));
        List<CompletableFuture<Void>> inserts = fresh.stream().map(store::insert).toList();
        CompletableFuture<Void> overwrite = store.update(
                approved.withOutcome(TransactionOutcome.of(TransactionResult.DECLINED, "LATE"), false, at(9)));
        List<CompletableFuture<Void>> sent = fresh.stream()
                .map(record -> store.update(record.withState(TransactionState.SENT, at(3)))).toList();

        assertThatThrownBy(() -> await(overwrite)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining(approved.id()).hasMessageContaining("APPROVED").hasMessageContaining("DECLINED");
        for (CompletableFuture<Void> write : concat(inserts, sent)) {
            await(write);
        }
        assertThat(store.findUnresolved()).hasSize(3).allMatch(r -> r.state() == TransactionState.SENT);
        assertThat(store.findById(approved.id())).contains(approved);
    }

    /** The industry's synthetic test number, assembled so no card-number literal sits in the source. */
    private static final String TEST_PAN = "411111" + "111111" + "1111";

    @Test
    void noFullCardNumberIsStoredInFreeText() throws Exception {
        TransactionRecord created = sale(at(0));
        await(store.insert(created));
        TransactionOutcome leaky = TransactionOutcome.builder(TransactionResult.APPROVED)
                .reason("card 4111 1111 1111 1111 ok")
                .receipts(List.of("PAN " + TEST_PAN), List.of())
                .rawResultCodes(Map.of("PAN", TEST_PAN))
                .build();

        await(store.update(created.withOutcome(leaky, true, at(1)), "operator: card " + TEST_PAN));

        TransactionOutcome stored = store.findById(created.id()).orElseThrow().outcome();
        assertThat(stored.reason()).isEqualTo("card 411111******1111 ok");
        assertThat(stored.merchantReceipt()).containsExactly("PAN 411111******1111");
        assertThat(stored.rawResultCodes()).containsEntry("PAN", "411111******1111");
        assertThat(store.history(created.id()).get(1).note()).isEqualTo("operator: card 411111******1111");
    }

    @Test
    void malformedIdIsRefusedBeforeReachingTheDatabase() {
        TransactionRecord valid = sale(at(0));
        TransactionRecord malformed = new TransactionRecord("not-an-id", valid.merchantId(), valid.terminalId(),
                valid.protocol(), valid.requestReference(), valid.kind(), valid.amount(), null, null, null, false,
                false, TransactionState.CREATED, null, at(0), at(0));

        assertThatThrownBy(() -> store.insert(malformed).join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class).hasMessageContaining("not-an-id");
    }

    private static List<CompletableFuture<Void>> concat(List<CompletableFuture<Void>> a,
            List<CompletableFuture<Void>> b) {
        List<CompletableFuture<Void>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
