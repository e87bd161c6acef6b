package io.tillgate.journal;

import static io.tillgate.journal.Transactions.approval;
import static io.tillgate.journal.Transactions.at;
import static io.tillgate.journal.Transactions.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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
import java.util.concurrent.Semaphore;
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

    /**
     * Holds the writer after each commit, before the batch's futures complete, while {@link #hold}
     * is on: a test queues writes meanwhile, and they reach the database together in the next batch.
     */
    static final class CommitGate implements CommitObserver {
        final List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
        private final Semaphore arrived = new Semaphore(0);
        private final Semaphore passes = new Semaphore(0);
        private volatile boolean hold;

        @Override
        public void committed(int writes, long nanos) {
            batches.add(writes);
            if (hold) {
                arrived.release();
                try {
                    passes.tryAcquire(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void hold() {
            hold = true;
        }

        /** Waits until the writer is held after a commit. */
        void awaitHeld() throws InterruptedException {
            assertThat(arrived.tryAcquire(10, TimeUnit.SECONDS)).as("the writer committed and is held").isTrue();
        }

        /** Lets the held commit's futures complete; the writer is held again after its next commit. */
        void passOne() {
            passes.release();
        }

        void open() {
            hold = false;
            passes.release(1_000);
        }
    }

    /** Reopens the journal with a gate, and holds the writer after committing a write of another transaction. */
    private CommitGate heldWriter() throws Exception {
        store.close();
        CommitGate gate = new CommitGate();
        store = JdbcJournal.open(settings(), gate);
        return gate;
    }

    private void holdAfterAnotherCommit(CommitGate gate) throws Exception {
        gate.hold();
        store.insert(sale(at(100)));
        gate.awaitHeld();
    }

    @Test
    void aTransactionsUpdatesInOneCommitKeepTheirOrderAndTheOutcomeCompletesOnlyAfterItsCommit() throws Exception {
        CommitGate gate = heldWriter();
        TransactionRecord created = sale(at(0));
        TransactionRecord other = sale(at(0));
        await(store.insert(created));
        await(store.insert(other));
        TransactionRecord sent = created.withState(TransactionState.SENT, at(1));
        TransactionRecord progress = sent.withState(TransactionState.IN_PROGRESS, at(2));
        TransactionRecord signed = progress.withSignatureOnReceipt();
        TransactionRecord approved = signed.withOutcome(approval(), true, at(3));

        holdAfterAnotherCommit(gate);
        List<CompletableFuture<Void>> writes = List.of(store.update(sent),
                store.update(other.withState(TransactionState.SENT, at(1))), store.update(progress),
                store.update(signed), store.update(approved));
        gate.passOne();
        gate.awaitHeld();

        assertThat(gate.batches.get(gate.batches.size() - 1)).as("one commit for all five updates").isEqualTo(5);
        assertThat(store.findById(created.id())).as("committed").contains(approved);
        assertThat(writes).as("no future completes before the commit is done").noneMatch(CompletableFuture::isDone);
        gate.open();
        for (CompletableFuture<Void> write : writes) {
            await(write);
        }
        assertThat(store.history(created.id())).extracting(TransactionEvent::state, TransactionEvent::at)
                .containsExactly(tuple(TransactionState.CREATED, at(0)), tuple(TransactionState.SENT, at(1)),
                        tuple(TransactionState.IN_PROGRESS, at(2)), tuple(TransactionState.IN_PROGRESS, at(2)),
                        tuple(TransactionState.APPROVED, at(3)));
        assertThat(store.history(other.id())).extracting(TransactionEvent::state)
                .containsExactly(TransactionState.CREATED, TransactionState.SENT);
    }

    @Test
    void theLastOfATransactionsUpdatesInOneCommitIsWhatTheRowKeepsEvenWithoutAnOutcome() throws Exception {
        CommitGate gate = heldWriter();
        TransactionRecord created = sale(at(0));
        await(store.insert(created));
        TransactionRecord sent = created.withState(TransactionState.SENT, at(1));
        TransactionRecord progress = sent.withState(TransactionState.IN_PROGRESS, at(2));
        TransactionRecord signed = progress.withSignatureOnReceipt();

        holdAfterAnotherCommit(gate);
        List<CompletableFuture<Void>> writes = List.of(store.update(sent), store.update(progress),
                store.update(signed));
        gate.open();
        for (CompletableFuture<Void> write : writes) {
            await(write);
        }

        assertThat(store.findById(created.id())).contains(signed);
        assertThat(store.findUnresolved()).contains(signed);
        assertThat(store.history(created.id())).extracting(TransactionEvent::state).containsExactly(
                TransactionState.CREATED, TransactionState.SENT, TransactionState.IN_PROGRESS,
                TransactionState.IN_PROGRESS);
    }

    @Test
    void updatesInOneCommitThatTheStoredStateRefusesAreEachAnsweredAsOnTheirOwn() throws Exception {
        CommitGate gate = heldWriter();
        TransactionRecord created = sale(at(0));
        await(store.insert(created));
        TransactionRecord unknown = created.withState(TransactionState.UNKNOWN, at(1));
        await(store.update(unknown, "timed out", null));
        // SENT then APPROVED may follow each other, but UNKNOWN may only become a final state.
        TransactionRecord sent = created.withState(TransactionState.SENT, at(2));
        TransactionRecord approved = sent.withOutcome(approval(), true, at(3));
        TransactionRecord declinedLate = approved.withOutcome(
                TransactionOutcome.of(TransactionResult.DECLINED, "LATE"), false, at(4));

        holdAfterAnotherCommit(gate);
        CompletableFuture<Void> refused = store.update(sent);
        CompletableFuture<Void> written = store.update(approved);
        CompletableFuture<Void> tooLate = store.update(declinedLate);
        gate.open();

        assertThatThrownBy(() -> await(refused)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("UNKNOWN").hasMessageContaining("SENT");
        await(written);
        assertThatThrownBy(() -> await(tooLate)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("APPROVED").hasMessageContaining("DECLINED");
        assertThat(store.findById(created.id())).contains(approved);
        assertThat(store.history(created.id())).extracting(TransactionEvent::state).containsExactly(
                TransactionState.CREATED, TransactionState.UNKNOWN, TransactionState.APPROVED);
    }

    @Test
    void anUpdateInOneCommitThatMayNotFollowTheOneBeforeIsRefusedAloneAfterTheChainIsWritten() throws Exception {
        CommitGate gate = heldWriter();
        TransactionRecord created = sale(at(0));
        await(store.insert(created));
        TransactionRecord sent = created.withState(TransactionState.SENT, at(1));
        TransactionRecord approved = sent.withOutcome(approval(), true, at(2));
        TransactionRecord declinedLate = approved.withOutcome(
                TransactionOutcome.of(TransactionResult.DECLINED, "LATE"), false, at(3));

        holdAfterAnotherCommit(gate);
        CompletableFuture<Void> sentWrite = store.update(sent);
        CompletableFuture<Void> approvedWrite = store.update(approved);
        CompletableFuture<Void> tooLate = store.update(declinedLate);
        gate.open();

        await(sentWrite);
        await(approvedWrite);
        assertThatThrownBy(() -> await(tooLate)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("APPROVED").hasMessageContaining("DECLINED");
        assertThat(store.findById(created.id())).contains(approved);
        assertThat(store.history(created.id())).extracting(TransactionEvent::state).containsExactly(
                TransactionState.CREATED, TransactionState.SENT, TransactionState.APPROVED);
    }

    @Test
    void anOperatorsResolutionInTheSameCommitKeepsItsPlaceInTheHistory() throws Exception {
        CommitGate gate = heldWriter();
        TransactionRecord created = sale(at(0));
        await(store.insert(created));
        TransactionRecord sent = created.withState(TransactionState.SENT, at(1));
        TransactionRecord unknown = sent.withState(TransactionState.UNKNOWN, at(2));
        TransactionRecord resolved = unknown.withOutcome(approval(), true, at(3));
        TransactionRecord lateProgress = sent.withState(TransactionState.IN_PROGRESS, at(4));

        holdAfterAnotherCommit(gate);
        List<CompletableFuture<Void>> accepted = List.of(store.update(sent), store.update(unknown, "timed out", null),
                store.update(resolved, "receipt checked", "cli:bob"));
        CompletableFuture<Void> refused = store.update(lateProgress);
        gate.open();

        for (CompletableFuture<Void> write : accepted) {
            await(write);
        }
        assertThatThrownBy(() -> await(refused)).isInstanceOf(IllegalTransitionException.class);
        assertThat(store.findById(created.id())).contains(resolved);
        assertThat(store.history(created.id())).extracting(TransactionEvent::state, TransactionEvent::actor)
                .containsExactly(tuple(TransactionState.CREATED, null), tuple(TransactionState.SENT, null),
                        tuple(TransactionState.UNKNOWN, null), tuple(TransactionState.APPROVED, "cli:bob"));
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
