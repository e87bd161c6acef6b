package io.tillgate.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A graceful stop: new transactions are refused at once, running ones finish. */
@Timeout(30)
class PaymentServiceStopTest {

    private final SimulatedGateway gateway = new SimulatedGateway(PaymentServiceSettings.defaults());
    private final PaymentService service = gateway.service;

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void newTransactionsAreRefusedWhileTheRunningOneFinishes() throws Exception {
        String tag = UUID.randomUUID().toString();
        RecordingObserver slow = new RecordingObserver();
        TransactionRecord running = service.execute(sale("t1", "12.93", tag), slow).get(5, TimeUnit.SECONDS);
        slow.awaitAbortable();
        assertThat(service.runningTransaction("t1")).contains(running.id());
        assertThat(service.runningTransaction("t2")).isEmpty();

        CompletableFuture<Void> idle = service.stopAdmitting();

        assertThat(idle).isNotDone();
        assertThat(service.runningTransactions()).extracting(TransactionRecord::id).containsExactly(running.id());
        PaymentException refused = SimulatedGateway.refusal(service.execute(sale("t2", "1.00",
                UUID.randomUUID().toString()), new RecordingObserver()));
        assertThat(refused.error()).isEqualTo(PaymentError.SHUTTING_DOWN);
        assertThat(refused).hasMessage("the gateway is shutting down and starts no new transaction; try again once "
                + "it is back");
        RecordingObserver again = new RecordingObserver();
        assertThat(service.execute(sale("t1", "12.93", tag), again).get(5, TimeUnit.SECONDS).id())
                .as("the same message sent again still names its transaction").isEqualTo(running.id());

        service.abort(SimulatedGateway.MERCHANT, "t1", running.id()).get(5, TimeUnit.SECONDS);

        idle.get(5, TimeUnit.SECONDS);
        assertThat(slow.completed).as("every observer was told before the service is idle").isDone();
        assertThat(again.completed).isDone();
        assertThat(slow.awaitCompleted().state()).isEqualTo(TransactionState.ABORTED);
        assertThat(service.runningTransactions()).isEmpty();
        assertThat(gateway.store.findSince(running.createdAt())).hasSize(1);
    }

    @Test
    void aStopWithNothingRunningIsIdleAtOnce() throws Exception {
        assertThat(gateway.run(sale("t1", "1.00", null)).state()).isEqualTo(TransactionState.APPROVED);

        assertThat(service.stopAdmitting()).isCompleted();
        assertThat(SimulatedGateway.refusal(service.execute(sale("t1", "1.00", null), new RecordingObserver()))
                .error()).isEqualTo(PaymentError.SHUTTING_DOWN);
    }

    private static PaymentRequest sale(String terminal, String amount, String tag) {
        return new PaymentRequest(SimulatedGateway.MERCHANT, terminal, "TEST", tag,
                PaymentCommand.sale(Money.ofMajor(amount, "EUR"), null, null));
    }
}
