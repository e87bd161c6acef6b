package io.tillgate.app.stop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.app.LoopbackPorts;
import io.tillgate.app.ServeProcess;
import io.tillgate.core.money.Money;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.journal.JdbcJournal;
import io.tillgate.journal.JournalSettings;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.P3ErrorException;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.ReconnectPolicy;
import io.tillgate.p3.client.TransactionListener;
import io.tillgate.p3.client.TransactionResult;
import io.tillgate.p3.client.TransactionStatus;
import io.tillgate.p3.client.TransactionUpdate;
import io.tillgate.p3.codec.P3Transaction;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tillgate serve} stopped with SIGTERM while a 12.93 payment (the simulated slow card, which
 * waits 30 s for the card) runs: the POS still gets its answer when the drain time allows, a payment
 * started after the signal is refused, and the process exits 0; with a shorter drain time it exits
 * anyway and leaves the journal row to start-up recovery.
 */
class GracefulStopEndToEndTest {

    private static final String MERCHANT = "shop";
    private static final String SECRET = "graceful-stop-secret";

    @TempDir
    Path dir;

    private final int tcpPort = LoopbackPorts.free();
    private final int webSocketPort = LoopbackPorts.free();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aRunningPaymentFinishesWithinTheDrainTimeWhileNewOnesAreRefusedThenTheProcessExitsZero() throws Exception {
        Path config = config("45s");
        try (ServeProcess gateway = ServeProcess.start(config, dir.resolve("gateway.log"), tcpPort);
             PayClient pos = client(ReconnectPolicy.DEFAULT);
             PayClient late = client(ReconnectPolicy.DEFAULT)) {
            CompletableFuture<P3Transaction> slow = startSlowPayment(pos);

            gateway.terminate();
            gateway.awaitLogLine(line -> line.contains("SIGTERM: stopping gracefully"), Duration.ofSeconds(10));
            assertThat(gateway.awaitLogLine(line -> line.contains("stopping: new transactions are refused"),
                    Duration.ofSeconds(10))).contains("waiting up to 45 s for 1 running transaction(s) to finish")
                    .contains("SALE 12.93 EUR on t1, IN_PROGRESS");

            late.connect().get(5, TimeUnit.SECONDS);
            late.login(MERCHANT, SECRET).get(5, TimeUnit.SECONDS);
            assertThatThrownBy(() -> late.charge(ChargeRequest.of("t2", Money.ofMajor("1.00", "EUR")),
                    TransactionListener.NONE).outcome().get(10, TimeUnit.SECONDS).transaction())
                    .isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOfSatisfying(P3ErrorException.class, refused -> {
                        assertThat(refused.rawType()).isEqualTo("TRANSACTION_BUSY");
                        assertThat(refused.error().message())
                                .isEqualTo("The payment service is restarting; try again in a moment");
                        assertThat(refused.error().developerMessage()).isEqualTo("the gateway is shutting down and "
                                + "starts no new transaction; try again once it is back");
                    });
            assertThat(gateway.isAlive()).as("still draining").isTrue();

            P3Transaction approved = slow.get(45, TimeUnit.SECONDS);
            assertThat(TransactionStatus.of(approved)).isEqualTo(TransactionStatus.APPROVED);
            assertThat(gateway.awaitExit(Duration.ofSeconds(20))).as(gateway.tail(20)).isZero();
            assertThat(gateway.log()).contains("every running transaction finished after")
                    .doesNotContain("closing with");
        }
        assertThat(journal()).singleElement().satisfies(row -> {
            assertThat(row.state()).isEqualTo(TransactionState.APPROVED);
            assertThat(row.amount()).isEqualTo(Money.ofMajor("12.93", "EUR"));
        });
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aPaymentLongerThanTheDrainTimeIsLeftToStartUpRecovery() throws Exception {
        Path config = config("2s");
        Path log = dir.resolve("gateway.log");
        try (ServeProcess gateway = ServeProcess.start(config, log, tcpPort);
             PayClient pos = client(new ReconnectPolicy(Duration.ZERO, Duration.ZERO, Duration.ZERO))) {
            CompletableFuture<P3Transaction> slow = startSlowPayment(pos);
            long signalled = System.nanoTime();

            gateway.terminate();

            assertThat(gateway.awaitExit(Duration.ofSeconds(20))).as(gateway.tail(20)).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isGreaterThanOrEqualTo(Duration.ofSeconds(2))
                    .isLessThan(Duration.ofSeconds(25));
            assertThat(gateway.log()).contains("waiting up to 2 s for 1 running transaction(s) to finish")
                    .contains("closing with 1 transaction(s) still running; the next start-up recovers them");
            assertThatThrownBy(() -> slow.get(10, TimeUnit.SECONDS)).as("the POS got no outcome")
                    .isInstanceOf(ExecutionException.class);
        }
        assertThat(journal()).singleElement().satisfies(row -> assertThat(row.isFinal()).isFalse());

        try (ServeProcess restarted = ServeProcess.start(config, log, tcpPort)) {
            // Its P3 port opens only once start-up recovery has settled the journal.
            restarted.terminate();
            assertThat(restarted.awaitExit(Duration.ofSeconds(20))).isZero();
        }
        assertThat(journal()).singleElement().satisfies(row -> {
            assertThat(row.state()).isEqualTo(TransactionState.UNKNOWN);
            assertThat(row.outcome().reason()).isEqualTo("GATEWAY_RESTART");
        });
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aSecondSigtermStopsAtOnce() throws Exception {
        try (ServeProcess gateway = ServeProcess.start(config("45s"), dir.resolve("gateway.log"), tcpPort);
             PayClient pos = client(new ReconnectPolicy(Duration.ZERO, Duration.ZERO, Duration.ZERO))) {
            startSlowPayment(pos);
            gateway.terminate();
            gateway.awaitLogLine(line -> line.contains("waiting up to 45 s"), Duration.ofSeconds(10));
            long again = System.nanoTime();

            gateway.terminate();

            assertThat(gateway.awaitExit(Duration.ofSeconds(20))).as(gateway.tail(20)).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - again)).isLessThan(Duration.ofSeconds(20));
            assertThat(gateway.log()).contains("SIGTERM again: stopping at once")
                    .contains("closing with 1 transaction(s) still running");
        }
        assertThat(journal()).singleElement().satisfies(row -> assertThat(row.isFinal()).isFalse());
    }

    /** Logs in and starts a 12.93 sale on t1; returns once the terminal waits for the card. */
    private CompletableFuture<P3Transaction> startSlowPayment(PayClient pos) throws Exception {
        pos.connect().get(5, TimeUnit.SECONDS);
        pos.login(MERCHANT, SECRET).get(5, TimeUnit.SECONDS);
        CompletableFuture<TransactionUpdate> waitingForCard = new CompletableFuture<>();
        CompletableFuture<P3Transaction> slow = pos.charge(ChargeRequest.of("t1", Money.ofMajor("12.93", "EUR")),
                new TransactionListener() {
                    @Override
                    public void onUpdate(TransactionUpdate update) {
                        if (update.state().contains("WAITING_FOR_CARD")) {
                            waitingForCard.complete(update);
                        }
                    }
                }).outcome().thenApply(TransactionResult::transaction);
        waitingForCard.get(10, TimeUnit.SECONDS);
        return slow;
    }

    private PayClient client(ReconnectPolicy reconnect) {
        return PayClient.builder(URI.create("tcp://127.0.0.1:" + tcpPort)).reconnectPolicy(reconnect).build();
    }

    private Path config(String drainTime) throws Exception {
        Path file = dir.resolve("tillgate.yaml");
        Files.writeString(file, """
                gateway:
                  host: 127.0.0.1
                  drainTime: %s
                journal:
                  url: jdbc:sqlite:%s
                p3:
                  websocketPort: %d
                  tcpPort: %d
                merchants:
                  - {id: %s, secret: %s, terminals: [t1, t2]}
                terminals:
                  - {id: t1, speed: fast}
                  - {id: t2, speed: fast}
                """.formatted(drainTime, journalFile().toAbsolutePath(), webSocketPort, tcpPort, MERCHANT, SECRET));
        return file;
    }

    private Path journalFile() {
        return dir.resolve("journal.db");
    }

    private List<TransactionRecord> journal() {
        try (JdbcJournal journal = JdbcJournal.open(JournalSettings.sqlite(journalFile()))) {
            return journal.findSince(Instant.EPOCH);
        }
    }
}
