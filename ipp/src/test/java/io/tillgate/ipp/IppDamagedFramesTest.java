package io.tillgate.ipp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.core.money.Money;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.ipp.driver.IppTerminalConfig;
import io.tillgate.testkit.FrameMutator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sales through the IPP driver while one frame of the terminal's answers arrives damaged: the
 * driver may end up not knowing (UNKNOWN), but whatever else it reports is what the terminal did.
 * A sale it calls approved was charged, and one it calls declined, aborted or failed was not.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IppDamagedFramesTest {

    private static final int SALES = 40;
    /** A purchase and its completion take up to eight terminal frames; damage each of them in turn. */
    private static final int FRAMES_PER_SALE = 8;

    private final AtomicReference<FrameDamagingProxy> proxy = new AtomicReference<>();
    private IppTestBench bench;

    @BeforeEach
    void start() {
        bench = new IppTestBench(emulator -> emulator.withReplyTimeout(Duration.ofSeconds(1)), this::throughProxy,
                Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    private IppTerminalConfig throughProxy(IppTerminalConfig direct) {
        try {
            proxy.set(new FrameDamagingProxy(new InetSocketAddress(direct.host(), direct.port())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return IppTerminalConfig.defaults(direct.id(), direct.host(), proxy.get().port())
                .withFirstReplyTimeout(Duration.ofSeconds(1)).withDefaultReplyTimeout(Duration.ofSeconds(1))
                .withReplyTimeoutGrace(Duration.ofMillis(500)).withRecoveryTimeout(Duration.ofSeconds(3));
    }

    @AfterEach
    void stop() throws IOException {
        bench.close();
        proxy.get().close();
    }

    @Test
    void aSaleReportedWithAnOutcomeHasThatOutcomeOnTheTerminal() {
        for (int sale = 0; sale < SALES; sale++) {
            String amount = (20 + sale) + (sale % 3 == 0 ? ".91" : ".00");
            proxy.get().damageFrame(sale % FRAMES_PER_SALE, new FrameMutator(sale));
            Instant start = Instant.now();

            TransactionRecord reported = bench.sale(amount);

            boolean charged = bench.emulatorStore.findSince(start).stream()
                    .anyMatch(r -> r.amount().equals(Money.ofMajor(amount, "EUR"))
                            && r.state() == TransactionState.APPROVED);
            if (reported.state() != TransactionState.UNKNOWN) {
                assertThat(reported.state() == TransactionState.APPROVED)
                        .as("sale %d of %s reported %s (%s); charged on the terminal: %s", sale, amount,
                                reported.state(), reported.outcome(), charged)
                        .isEqualTo(charged);
            }
        }
    }
}
