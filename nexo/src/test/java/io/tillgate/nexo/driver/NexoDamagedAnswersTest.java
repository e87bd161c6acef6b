package io.tillgate.nexo.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.testkit.FrameMutator;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sales through the nexo driver while the terminal's responses arrive with damaged documents: the
 * driver may end up not knowing (UNKNOWN), but whatever else it reports is what the terminal did.
 * A sale it calls approved was charged, and one it calls anything else was not.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NexoDamagedAnswersTest {

    private static final int SALES = 40;

    @Test
    void aSaleReportedWithAnOutcomeHasThatOutcomeOnTheTerminal() throws Exception {
        AtomicReference<BodyDamagingProxy> proxy = new AtomicReference<>();
        try (NexoRig rig = new NexoRig(NexoIntegration.LIGHT, port -> {
            proxy.set(new BodyDamagingProxy(port));
            return proxy.get().port();
        })) {
            try {
                for (int sale = 0; sale < SALES; sale++) {
                    String amount = (20 + sale) + (sale % 3 == 0 ? ".91" : ".00");
                    // The first sale's login; then each Payment response, and every other time the
                    // first TransactionStatus answer of the recovery that follows as well.
                    proxy.get().damageResponses(1 + sale % 2, new FrameMutator(sale));
                    Instant start = Instant.now();

                    TransactionOutcome outcome = rig.run(NexoRig.sale(amount), new RecordingListener()).await();

                    boolean charged = rig.emulatorStore.findSince(start).stream().anyMatch(r -> r.amount()
                            .equals(Money.ofMajor(amount, "SEK")) && r.state() == TransactionState.APPROVED);
                    if (outcome.result() != TransactionResult.UNKNOWN) {
                        assertThat(outcome.result() == TransactionResult.APPROVED)
                                .as("sale %d of %s reported %s; charged on the terminal: %s", sale, amount, outcome,
                                        charged)
                                .isEqualTo(charged);
                    }
                }
            } finally {
                proxy.get().close();
            }
        }
    }
}
