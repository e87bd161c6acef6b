package io.tillgate.journal;

import static io.tillgate.journal.Transactions.MERCHANT;
import static io.tillgate.journal.Transactions.approval;
import static io.tillgate.journal.Transactions.at;
import static io.tillgate.journal.Transactions.created;
import static io.tillgate.journal.Transactions.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.transaction.IllegalTransitionException;
import io.tillgate.core.transaction.TransactionEvent;
import io.tillgate.core.transaction.TransactionQuery;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.core.transaction.TransactionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link TransactionStore} must do, whatever keeps the data. Run against the in-memory
 * reference store, SQLite and PostgreSQL, so the durable journals behave exactly like the reference.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
abstract class TransactionStoreContract {

    protected TransactionStore store;

    /** A store with no transactions in it. */
    protected abstract TransactionStore openEmptyStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = openEmptyStore();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void insertedTransactionReadsBackEqual() throws Exception {
        TransactionRecord record = sale(at(0));

        await(store.insert(record));

        assertThat(store.findById(record.id())).contains(record);
        assertThat(store.history(record.id()))
                .containsExactly(new TransactionEvent(record.id(), TransactionState.CREATED, at(0), null));
    }

    @Test
    void secondInsertOfTheSameIdIsRefused() throws Exception {
        TransactionRecord record = sale(at(0));
        await(store.insert(record));

        assertThatThrownBy(() -> await(store.insert(record.withState(TransactionState.SENT, at(1)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(record.id());
        assertThat(store.findById(record.id())).contains(record);
    }

    @Test
    void transactionMovesForwardToItsOutcomeWithHistory() throws Exception {
        TransactionRecord created = sale(at(0));
        TransactionRecord sent = created.withState(TransactionState.SENT, at(1));
        TransactionRecord progress = sent.withState(TransactionState.IN_PROGRESS, at(2));
        TransactionRecord approved = progress.withOutcome(approval(), true, at(3));

        await(store.insert(created));
        await(store.update(sent));
        await(store.update(progress));
        await(store.update(approved));

        assertThat(store.findById(created.id())).contains(approved);
        assertThat(store.history(created.id())).extracting(TransactionEvent::state, TransactionEvent::at)
                .containsExactly(
                        tuple(TransactionState.CREATED, at(0)),
                        tuple(TransactionState.SENT, at(1)),
                        tuple(TransactionState.IN_PROGRESS, at(2)),
                        tuple(TransactionState.APPROVED, at(3)));
    }

    @Test
    void outcomeWithCardReceiptsAndRawCodesRoundTrips() throws Exception {
        TransactionRecord created = sale(at(0));
        TransactionRecord approved = created.withOutcome(approval(), true, at(5)).withSignatureOnReceipt();
        await(store.insert(created));

        await(store.update(approved));

        TransactionRecord read = store.findById(created.id()).orElseThrow();
        assertThat(read).isEqualTo(approved);
        assertThat(read.outcome().maskedPan().value()).isEqualTo("516815******9659");
        assertThat(read.outcome().merchantReceipt()).containsExactlyElementsOf(approval().merchantReceipt());
        assertThat(read.outcome().rawResultCodes()).isEqualTo(approval().rawResultCodes());
    }

    @Test
    void outcomeWithOnlyAResultRoundTrips() throws Exception {
        TransactionRecord created = sale(at(0));
        TransactionRecord declined = created.withOutcome(
                TransactionOutcome.of(TransactionResult.DECLINED, "ISSUER_DECLINED"), false, at(2));
        await(store.insert(created));

        await(store.update(declined));

        assertThat(store.findById(created.id())).contains(declined);
    }

    @Test
    void progressInTheSameStateIsAccepted() throws Exception {
        TransactionRecord progress = inState(TransactionState.IN_PROGRESS);

        await(store.update(progress.withState(TransactionState.IN_PROGRESS, at(9))));

        assertThat(store.findById(progress.id()).orElseThrow().updatedAt()).isEqualTo(at(9));
    }

    @Test
    void backwardMoveIsRefusedAndLeavesTheRecord() throws Exception {
        TransactionRecord progress = inState(TransactionState.IN_PROGRESS);

        assertThatThrownBy(() -> await(store.update(progress.withState(TransactionState.SENT, at(9)))))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining(progress.id()).hasMessageContaining("IN_PROGRESS").hasMessageContaining("SENT");
        assertThat(store.findById(progress.id())).contains(progress);
        assertThat(store.history(progress.id())).extracting(TransactionEvent::state)
                .containsExactly(TransactionState.CREATED, TransactionState.SENT, TransactionState.IN_PROGRESS);
    }

    @Test
    void finalStateIsNeverOverwritten() throws Exception {
        TransactionRecord approved = finalSale(TransactionResult.APPROVED, true);
        List<TransactionRecord> attempts = List.of(
                approved.withOutcome(TransactionOutcome.of(TransactionResult.DECLINED, "LATE"), false, at(20)),
                approved.withState(TransactionState.UNKNOWN, at(20)),
                approved.withState(TransactionState.IN_PROGRESS, at(20)),
                approved.withState(TransactionState.APPROVED, at(20)));

        for (TransactionRecord attempt : attempts) {
            assertThatThrownBy(() -> await(store.update(attempt))).as("%s over APPROVED", attempt.state())
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining(approved.id());
        }
        assertThat(store.findById(approved.id())).contains(approved);
        assertThat(store.history(approved.id())).hasSize(4);
    }

    @Test
    void unknownIsResolvedToAFinalStateWithANote() throws Exception {
        TransactionRecord sent = inState(TransactionState.SENT);
        TransactionRecord unknown = sent.withOutcome(TransactionOutcome.of(TransactionResult.UNKNOWN, "TIMEOUT"),
                false, at(10));
        await(store.update(unknown));

        assertThatThrownBy(() -> await(store.update(unknown.withState(TransactionState.IN_PROGRESS, at(11)))))
                .isInstanceOf(IllegalTransitionException.class);
        TransactionRecord resolved = unknown.withOutcome(approval(), true, at(12));
        await(store.update(resolved, "customer showed bank statement", "admin:alice"));

        assertThat(store.findById(sent.id())).contains(resolved);
        List<TransactionEvent> history = store.history(sent.id());
        assertThat(history).extracting(TransactionEvent::state).containsExactly(TransactionState.CREATED,
                TransactionState.SENT, TransactionState.UNKNOWN, TransactionState.APPROVED);
        assertThat(history.get(3)).extracting(TransactionEvent::note, TransactionEvent::actor)
                .containsExactly("customer showed bank statement", "admin:alice");
        assertThat(history.get(2)).extracting(TransactionEvent::note, TransactionEvent::actor)
                .containsExactly(null, null);
    }

    @Test
    void searchAppliesEveryCriterionNewestFirst() throws Exception {
        TransactionRecord older = sale(at(0));
        TransactionRecord otherMerchant = created(PaymentKind.SALE, "shop-2", "req-2", "order-7", null, at(10));
        TransactionRecord newer = created(PaymentKind.SALE, MERCHANT, "req-3", "order-7", null, at(20));
        for (TransactionRecord record : List.of(older, otherMerchant, newer)) {
            await(store.insert(record));
        }
        TransactionRecord approved = newer.withOutcome(approval(), true, at(21));
        await(store.update(approved));

        assertThat(store.search(TransactionQuery.newest(10))).extracting(TransactionRecord::id)
                .containsExactly(newer.id(), otherMerchant.id(), older.id());
        assertThat(store.search(TransactionQuery.newest(2))).extracting(TransactionRecord::id)
                .containsExactly(newer.id(), otherMerchant.id());
        assertThat(store.search(new TransactionQuery(MERCHANT, null, null, false, null, null, null, 10)))
                .extracting(TransactionRecord::id).containsExactly(newer.id(), older.id());
        assertThat(store.search(new TransactionQuery(null, null, TransactionState.APPROVED, false, null, null, null,
                10))).containsExactly(approved);
        assertThat(store.search(new TransactionQuery(null, null, null, true, null, null, null, 10)))
                .extracting(TransactionRecord::id).containsExactly(otherMerchant.id(), older.id());
        assertThat(store.search(new TransactionQuery(null, null, null, false, "order-7", null, null, 10)))
                .extracting(TransactionRecord::id).containsExactly(newer.id(), otherMerchant.id());
        assertThat(store.search(new TransactionQuery(null, null, null, false, null, at(10), at(20), 10)))
                .extracting(TransactionRecord::id).containsExactly(otherMerchant.id());
        assertThat(store.search(new TransactionQuery(null, "till-9", null, false, null, null, null, 10))).isEmpty();
    }

    @Test
    void finalPreauthMayOnlyBecomeCaptured() throws Exception {
        TransactionRecord preauth = created(PaymentKind.PREAUTH, MERCHANT, "req-p", null, null, at(0));
        await(store.insert(preauth));
        TransactionRecord approved = preauth.withOutcome(approval(), false, at(1));
        await(store.update(approved));

        TransactionRecord captured = approved.withCaptured(at(2));
        await(store.update(captured));

        assertThat(store.findById(preauth.id())).contains(captured);
        assertThatThrownBy(() -> await(store.update(captured.withCaptured(at(3)))))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(store.history(preauth.id())).extracting(TransactionEvent::state).containsExactly(
                TransactionState.CREATED, TransactionState.APPROVED, TransactionState.APPROVED);
    }

    @Test
    void updateOfAnUnrecordedTransactionFails() {
        TransactionRecord never = sale(at(0)).withState(TransactionState.SENT, at(1));

        assertThatThrownBy(() -> await(store.update(never)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(never.id());
        assertThat(store.findById(never.id())).isEmpty();
        assertThat(store.history(never.id())).isEmpty();
    }

    @Test
    void theNewestTransactionAnswersForAMessageSentAgain() throws Exception {
        TransactionRecord older = created(PaymentKind.SALE, MERCHANT, "tag-7", "pos-42", null, at(0));
        TransactionRecord newer = created(PaymentKind.SALE, MERCHANT, "tag-7", "pos-42", null, at(60));
        TransactionRecord otherMerchant = created(PaymentKind.SALE, "shop-2", "tag-7", "pos-42", null, at(120));
        for (TransactionRecord record : List.of(older, newer, otherMerchant)) {
            await(store.insert(record));
        }

        assertThat(store.findByRequestReference(MERCHANT, "P3", "tag-7")).contains(newer);
        assertThat(store.findByRequestReference("shop-2", "P3", "tag-7")).contains(otherMerchant);
        assertThat(store.findByRequestReference(MERCHANT, "NEXO", "tag-7")).isEmpty();
    }

    @Test
    void aReferenceNamesEveryTransactionThatCarriesItNewestFirst() throws Exception {
        TransactionRecord declined = created(PaymentKind.SALE, MERCHANT, "sid-1", "order-9", null, at(0));
        TransactionRecord approved = created(PaymentKind.SALE, MERCHANT, "sid-2", "order-9", null, at(60));
        TransactionRecord secondCard = created(PaymentKind.SALE, MERCHANT, "sid-3", "order-9", null, at(90));
        TransactionRecord otherMerchant = created(PaymentKind.SALE, "shop-2", "sid-1", "order-9", null, at(120));
        TransactionRecord otherOrder = created(PaymentKind.SALE, MERCHANT, "sid-4", "order-10", null, at(150));
        for (TransactionRecord record : List.of(approved, declined, otherMerchant, secondCard, otherOrder)) {
            await(store.insert(record));
        }

        assertThat(store.findByReference(MERCHANT, "order-9", at(0)))
                .containsExactly(secondCard, approved, declined);
        assertThat(store.findByReference(MERCHANT, "order-9", at(60))).containsExactly(secondCard, approved);
        assertThat(store.findByReference("order-9")).containsExactly(otherMerchant, secondCard, approved, declined);
        assertThat(store.findByReference(MERCHANT, "order-11", at(0))).isEmpty();
        assertThat(store.findByReference("order-11")).isEmpty();
    }

    @Test
    void referringTransactionsAreFoundOldestFirst() throws Exception {
        TransactionRecord sale = sale(at(0));
        TransactionRecord secondRefund = created(PaymentKind.REFUND, MERCHANT, "r2", null, sale.id(), at(20));
        TransactionRecord firstRefund = created(PaymentKind.REFUND, MERCHANT, "r1", null, sale.id(), at(10));
        for (TransactionRecord record : List.of(sale, secondRefund, firstRefund, sale(at(30)))) {
            await(store.insert(record));
        }

        assertThat(store.findByOriginal(sale.id())).containsExactly(firstRefund, secondRefund);
        assertThat(store.findByOriginal(Transactions.newId())).isEmpty();
    }

    @Test
    void unresolvedAreTheNonFinalOnesOldestFirst() throws Exception {
        TransactionRecord sent = inState(TransactionState.SENT);
        finalSale(TransactionResult.DECLINED, false);
        TransactionRecord unknownCreatedFirst = sale(at(-100)).withState(TransactionState.UNKNOWN, at(1));
        await(store.insert(unknownCreatedFirst));
        finalSale(TransactionResult.APPROVED, true);

        assertThat(store.findUnresolved()).containsExactly(unknownCreatedFirst, sent);
    }

    @Test
    void sinceIncludesItsBoundOldestFirst() throws Exception {
        TransactionRecord before = sale(at(0));
        TransactionRecord atBound = sale(at(10));
        TransactionRecord after = sale(at(20));
        for (TransactionRecord record : List.of(after, before, atBound)) {
            await(store.insert(record));
        }

        assertThat(store.findSince(at(10))).containsExactly(atBound, after);
        assertThat(store.findSince(at(21))).isEmpty();
    }

    @Test
    void historyOfAnUnknownIdIsEmpty() {
        assertThat(store.history(Transactions.newId())).isEmpty();
    }

    @Test
    void concurrentTransactionsFromManyThreadsAllComplete() throws Exception {
        int threads = 16;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<TransactionRecord>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    List<TransactionRecord> done = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        TransactionRecord created = sale(at(thread * 1000L + i));
                        await(store.insert(created));
                        TransactionRecord approved = created.withOutcome(approval(), true, at(thread * 1000L + i + 1));
                        await(store.update(created.withState(TransactionState.SENT, approved.updatedAt())));
                        await(store.update(approved));
                        done.add(approved);
                    }
                    return done;
                }));
            }
            List<TransactionRecord> all = new ArrayList<>();
            for (Future<List<TransactionRecord>> result : results) {
                all.addAll(result.get(15, TimeUnit.SECONDS));
            }

            assertThat(all).hasSize(threads * perThread);
            for (TransactionRecord record : all) {
                assertThat(store.findById(record.id())).contains(record);
            }
            assertThat(store.findUnresolved()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    /** A recorded sale moved through every state up to {@code state}. */
    protected TransactionRecord inState(TransactionState state) throws Exception {
        TransactionRecord record = sale(at(0));
        await(store.insert(record));
        for (TransactionState next : List.of(TransactionState.SENT, TransactionState.IN_PROGRESS)) {
            if (next.ordinal() > state.ordinal()) {
                break;
            }
            record = record.withState(next, at(next.ordinal()));
            await(store.update(record));
        }
        return record;
    }

    /** A recorded sale that reached a final result through SENT and IN_PROGRESS. */
    protected TransactionRecord finalSale(TransactionResult result, boolean captured) throws Exception {
        TransactionRecord progress = inState(TransactionState.IN_PROGRESS);
        TransactionOutcome outcome = result == TransactionResult.APPROVED ? approval()
                : TransactionOutcome.of(result, "TEST");
        TransactionRecord settled = progress.withOutcome(outcome, captured, at(5));
        await(store.update(settled));
        return settled;
    }

    /** Waits for a write; its failure is rethrown as itself, not wrapped. */
    static void await(CompletableFuture<Void> write) throws Exception {
        try {
            write.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("write not completed within 10 s", e);
        }
    }
}
