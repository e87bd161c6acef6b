package io.tillgate.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.simulated.SimulatedTerminal;
import io.tillgate.core.simulated.SimulatedTiming;
import io.tillgate.core.terminal.Terminal;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Terminals put in and taken out of service while the service runs, as a configuration reload does. */
@Timeout(30)
class PaymentServiceReconfigurationTest {

    private final SimulatedGateway gateway = new SimulatedGateway(PaymentServiceSettings.defaults());
    private final PaymentService service = gateway.service;

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void anAddedTerminalTakesPayments() throws Exception {
        assertThat(SimulatedGateway.refusal(service.execute(sale("t3", "1.00", null), new RecordingObserver()))
                .error()).isEqualTo(PaymentError.UNKNOWN_TERMINAL);

        service.addTerminal(new SimulatedTerminal("t3", SimulatedTiming.FAST, gateway.scheduler, false));

        assertThat(gateway.run(sale("t3", "1.00", null)).state()).isEqualTo(TransactionState.APPROVED);
        assertThatThrownBy(() -> service.addTerminal(new SimulatedTerminal("t3", SimulatedTiming.FAST,
                gateway.scheduler, false))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("terminal id 't3' is already in service");
    }

    @Test
    void aWithdrawnTerminalFinishesItsRunningTransactionRefusingNewOnesThenIsHandedBack() throws Exception {
        String tag = UUID.randomUUID().toString();
        RecordingObserver slow = new RecordingObserver();
        TransactionRecord running = service.execute(sale("t1", "12.93", tag), slow).get(5, TimeUnit.SECONDS);
        slow.awaitAbortable();
        Terminal t1 = service.terminal("t1").orElseThrow();

        CompletableFuture<Optional<Terminal>> withdrawn = service.withdrawTerminal("t1", false);

        assertThat(withdrawn).isNotDone();
        PaymentException refused = SimulatedGateway.refusal(service.execute(sale("t1", "1.00", null),
                new RecordingObserver()));
        assertThat(refused.error()).isEqualTo(PaymentError.UNKNOWN_TERMINAL);
        assertThat(refused).hasMessage("terminal t1 was removed from the configuration and takes no new transaction");
        assertThat(service.execute(sale("t1", "12.93", tag), new RecordingObserver()).get(5, TimeUnit.SECONDS).id())
                .as("the same message sent again still names its transaction").isEqualTo(running.id());
        assertThat(gateway.run(sale("t2", "1.00", null)).state()).as("the other terminal").isEqualTo(
                TransactionState.APPROVED);

        service.abort(SimulatedGateway.MERCHANT, "t1", running.id()).get(5, TimeUnit.SECONDS);

        assertThat(withdrawn.get(5, TimeUnit.SECONDS)).containsSame(t1);
        assertThat(slow.awaitCompleted().state()).isEqualTo(TransactionState.ABORTED);
        assertThat(service.terminal("t1")).isEmpty();
    }

    @Test
    void aTerminalWithdrawnToComeBackIsBusyUntilItIsAddedAgain() throws Exception {
        CompletableFuture<Optional<Terminal>> withdrawn = service.withdrawTerminal("t2", true);
        assertThat(withdrawn.get(5, TimeUnit.SECONDS)).as("idle: handed back at once").isPresent();

        PaymentException busy = SimulatedGateway.refusal(service.execute(sale("t2", "1.00", null),
                new RecordingObserver()));
        assertThat(busy.error()).isEqualTo(PaymentError.TERMINAL_BUSY);
        assertThat(busy).hasMessage("terminal t2 is being reconfigured and finishes its running transaction first; "
                + "try again shortly");

        service.addTerminal(new SimulatedTerminal("t2", SimulatedTiming.FAST, gateway.scheduler, false));
        assertThat(gateway.run(sale("t2", "1.00", null)).state()).isEqualTo(TransactionState.APPROVED);
        assertThat(service.withdrawTerminal("nope", false).get(5, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void whenIdleWaitsForTheRunningTransactionOnly() throws Exception {
        assertThat(service.whenIdle("t1")).isCompleted();
        RecordingObserver slow = new RecordingObserver();
        TransactionRecord running = service.execute(sale("t1", "12.93", null), slow).get(5, TimeUnit.SECONDS);
        slow.awaitAbortable();

        CompletableFuture<Void> idle = service.whenIdle("t1");

        assertThat(idle).isNotDone();
        assertThat(service.whenIdle("t2")).isCompleted();
        service.abort(SimulatedGateway.MERCHANT, "t1", running.id()).get(5, TimeUnit.SECONDS);
        idle.get(5, TimeUnit.SECONDS);
        assertThat(service.runningTransaction("t1")).isEmpty();
    }

    private static PaymentRequest sale(String terminal, String amount, String tag) {
        return new PaymentRequest(SimulatedGateway.MERCHANT, terminal, "TEST", tag,
                PaymentCommand.sale(Money.ofMajor(amount, "EUR"), null, null));
    }
}
