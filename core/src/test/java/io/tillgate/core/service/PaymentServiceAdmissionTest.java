package io.tillgate.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.simulated.SimulatedTerminal;
import io.tillgate.core.simulated.SimulatedTiming;
import io.tillgate.core.terminal.ActionAnswer;
import io.tillgate.core.terminal.Terminal;
import io.tillgate.core.terminal.TerminalCapabilities;
import io.tillgate.core.terminal.TerminalListener;
import io.tillgate.core.terminal.TerminalRequest;
import io.tillgate.core.transaction.InMemoryTransactionStore;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.core.transaction.TransactionStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where admission runs: on the caller's thread when the store answers from memory, on the admission
 * thread when its reads may block; and in both cases idempotency holds against concurrent callers.
 */
@Timeout(30)
class PaymentServiceAdmissionTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final WitnessTerminal terminal = new WitnessTerminal(
            new SimulatedTerminal("t1", SimulatedTiming.FAST, scheduler, false));
    private PaymentService service;

    @AfterEach
    void stop() {
        service.close();
        scheduler.shutdownNow();
    }

    private PaymentService service(TransactionStore store) {
        service = new PaymentService(List.of(terminal), store, PaymentServiceSettings.defaults(), Clock.systemUTC());
        return service;
    }

    private static PaymentRequest sale(String reference, Executor affinity) {
        return new PaymentRequest("demo", "t1", "TEST", null,
                PaymentCommand.sale(Money.ofMajor("7.00", "EUR"), reference, null),
                ReferenceRule.RETRY_RETURNS_APPROVAL, affinity);
    }

    @Test
    void aStoreThatAnswersAtOnceIsAdmittedOnTheCallersThread() throws Exception {
        RecordingObserver observer = new RecordingObserver();

        CompletableFuture<TransactionRecord> started = service(new InMemoryTransactionStore())
                .execute(sale(null, null), observer);

        assertThat(started).isDone();
        assertThat(terminal.startedOn).containsExactly(Thread.currentThread());
        assertThat(observer.awaitCompleted().state()).isEqualTo(TransactionState.APPROVED);
    }

    @Test
    void aStoreWhoseReadsMayBlockIsAdmittedOnTheAdmissionThread() throws Exception {
        RecordingObserver observer = new RecordingObserver();

        service(databaseLike()).execute(sale(null, null), observer).get(5, TimeUnit.SECONDS);

        assertThat(terminal.startedOn).extracting(Thread::getName).containsExactly("tillgate-admission");
        assertThat(observer.awaitCompleted().state()).isEqualTo(TransactionState.APPROVED);
    }

    @Test
    void theCallersExecutorIsHandedToTheTerminal() throws Exception {
        Executor callers = Runnable::run;

        service(new InMemoryTransactionStore()).execute(sale(null, callers), new RecordingObserver())
                .get(5, TimeUnit.SECONDS);

        assertThat(terminal.requests).extracting(TerminalRequest::affinity).containsExactly(callers);
    }

    @ParameterizedTest(name = "store answers at once: {0}")
    @ValueSource(booleans = {true, false})
    void concurrentRetriesOfOneReferenceChargeOnce(boolean answersAtOnce) throws Exception {
        service(answersAtOnce ? new InMemoryTransactionStore() : databaseLike());
        int callers = 8;
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<CompletableFuture<TransactionRecord>>> attempts = new ArrayList<>();
            List<RecordingObserver> observers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                RecordingObserver observer = new RecordingObserver();
                observers.add(observer);
                attempts.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return service.execute(sale("race", null), observer);
                }, threads));
            }
            go.countDown();

            for (int i = 0; i < callers; i++) {
                String id = attempts.get(i).get(5, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS).id();
                TransactionRecord done = observers.get(i).awaitCompleted();
                assertThat(done.id()).isEqualTo(id).isEqualTo(terminal.requests.get(0).transactionId());
                assertThat(done.state()).isEqualTo(TransactionState.APPROVED);
            }
            assertThat(terminal.requests).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
    }

    /** A simulated terminal that remembers each transaction it was handed, and on which thread. */
    private static final class WitnessTerminal implements Terminal {
        final List<Thread> startedOn = new CopyOnWriteArrayList<>();
        final List<TerminalRequest> requests = new CopyOnWriteArrayList<>();
        private final Terminal simulated;

        WitnessTerminal(Terminal simulated) {
            this.simulated = simulated;
        }

        @Override
        public String id() {
            return simulated.id();
        }

        @Override
        public TerminalCapabilities capabilities() {
            return simulated.capabilities();
        }

        @Override
        public void execute(TerminalRequest request, TerminalListener listener) {
            startedOn.add(Thread.currentThread());
            requests.add(request);
            simulated.execute(request, listener);
        }

        @Override
        public CompletableFuture<Void> probe() {
            return simulated.probe();
        }

        @Override
        public void abort(String transactionId) {
            simulated.abort(transactionId);
        }

        @Override
        public void answer(String transactionId, ActionAnswer answer) {
            simulated.answer(transactionId, answer);
        }
    }

    /** The in-memory store, saying that its reads may block, as a database's do. */
    private static TransactionStore databaseLike() {
        TransactionStore memory = new InMemoryTransactionStore();
        return (TransactionStore) Proxy.newProxyInstance(TransactionStore.class.getClassLoader(),
                new Class<?>[] {TransactionStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("answersAtOnce")) {
                        return false;
                    }
                    try {
                        return method.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
