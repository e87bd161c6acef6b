package io.tillgate.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.service.PaymentRequest;
import io.tillgate.core.service.PaymentService;
import io.tillgate.core.service.ReferenceRule;
import io.tillgate.core.service.TransactionObserver;
import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalProbeException;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.InMemoryTransactionStore;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The monitor over fake terminals, with time turned by hand: rounds every 30 s, a probe deadline
 * of 5 s, and a real {@link PaymentService} that says which terminal runs a transaction.
 */
@Timeout(10)
class TerminalMonitorTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ManualTime time = new ManualTime();
    private final FakeTerminal a = new FakeTerminal("a");
    private final FakeTerminal b = new FakeTerminal("b");
    private final PaymentService payments = new PaymentService(List.of(a, b), new InMemoryTransactionStore());
    private final TerminalMonitor monitor = new TerminalMonitor(List.of(a, b), payments,
            new TerminalMonitorSettings(INTERVAL, TIMEOUT), time, time);
    private final List<String> changes = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(TerminalMonitor.class);

    @BeforeEach
    void listen() {
        monitor.subscribe((before, after) -> changes.add(after.terminalId() + " " + before.reachability() + "→"
                + after.reachability()));
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(log);
        monitor.close();
        payments.close();
    }

    @Test
    void everyTerminalIsUnknownUntilItsFirstProbeThenOnlineWhenItAnswers() {
        assertThat(monitor.all()).extracting(TerminalHealth::reachability)
                .containsExactly(Reachability.UNKNOWN, Reachability.UNKNOWN);
        Instant start = time.instant();

        monitor.start();
        time.advance(Duration.ZERO);
        assertThat(a.exchanges).hasSize(1);
        assertThat(b.exchanges).hasSize(1);
        time.advance(Duration.ofMillis(20));
        a.answer();

        TerminalHealth health = monitor.health("a").orElseThrow();
        assertThat(health).isEqualTo(new TerminalHealth("a", Reachability.ONLINE, start.plusMillis(20),
                start.plusMillis(20), null));
        assertThat(monitor.health("b").orElseThrow().reachability()).isEqualTo(Reachability.UNKNOWN);
        assertThat(changes).containsExactly("a UNKNOWN→ONLINE");
        assertThat(monitor.health("nope")).isEmpty();
    }

    @Test
    void probesAgainEveryInterval() {
        monitor.start();
        time.advance(Duration.ZERO);
        a.answer();
        b.answer();

        time.advance(INTERVAL.minusMillis(1));
        assertThat(a.exchanges).hasSize(1);
        time.advance(Duration.ofMillis(1));
        assertThat(a.exchanges).hasSize(2);
        assertThat(b.exchanges).hasSize(2);
        time.advance(INTERVAL.multipliedBy(2));
        assertThat(a.exchanges).hasSize(4);
    }

    @Test
    void goingOfflineWarnsOnceNamingTheFailureAndComingBackIsLoggedOnce() {
        monitor.start();
        time.advance(Duration.ZERO);
        a.answer();

        for (int round = 0; round < 3; round++) {
            time.advance(INTERVAL);
            a.refuse();
        }
        TerminalHealth offline = monitor.health("a").orElseThrow();
        assertThat(offline.reachability()).isEqualTo(Reachability.OFFLINE);
        assertThat(offline.lastFailure()).isEqualTo(
                "terminal a is unreachable: cannot connect to 192.0.2.7:8888: Connection refused");
        assertThat(offline.lastChecked()).isEqualTo(time.instant());
        assertThat(offline.lastSeen()).isEqualTo(time.instant().minus(INTERVAL.multipliedBy(3)));
        assertThat(warnings("a")).singleElement().satisfies(line -> assertThat(line)
                .startsWith("terminal a is unreachable: cannot connect to 192.0.2.7:8888: Connection refused. "
                        + "Terminal a is OFFLINE: payments on it fail until it answers again.")
                .contains("probed every 30 s"));

        time.advance(INTERVAL);
        a.answer();
        time.advance(INTERVAL);
        a.answer();

        TerminalHealth back = monitor.health("a").orElseThrow();
        assertThat(back.reachability()).isEqualTo(Reachability.ONLINE);
        assertThat(back.lastFailure()).as("the last failure is kept for the operator").isEqualTo(offline.lastFailure());
        assertThat(changes).filteredOn(change -> change.startsWith("a ")).containsExactly("a UNKNOWN→ONLINE",
                "a ONLINE→OFFLINE", "a OFFLINE→ONLINE");
        assertThat(warnings("a")).hasSize(1);
        assertThat(infos()).containsExactly("terminal a answers again: ONLINE");
    }

    @Test
    void aProbeWithoutAnswerFailsAtTheTimeoutAndTheDriverDropsItsExchange() {
        monitor.start();
        time.advance(TIMEOUT.minusMillis(1));
        assertThat(monitor.health("a").orElseThrow().reachability()).isEqualTo(Reachability.UNKNOWN);

        time.advance(Duration.ofMillis(1));

        assertThat(monitor.health("a").orElseThrow().lastFailure())
                .isEqualTo("terminal a did not answer: no answer within 5000 ms");
        assertThat(monitor.health("a").orElseThrow().reachability()).isEqualTo(Reachability.OFFLINE);
        assertThat(a.exchanges.get(0)).isCancelled();
        assertThat(changes).containsExactly("a UNKNOWN→OFFLINE", "b UNKNOWN→OFFLINE");
    }

    @Test
    void neverProbesATerminalWhileItRunsATransaction() throws Exception {
        monitor.start();
        time.advance(Duration.ZERO);
        a.answer();
        b.answer();
        Observer observer = new Observer();
        TransactionRecord started = payments.execute(new PaymentRequest("m", "a", "TEST", null,
                PaymentCommand.sale(Money.ofMinor(1293, "EUR"), null, null), ReferenceRule.ORDER_NUMBER, null),
                observer).get(5, TimeUnit.SECONDS);
        a.executing.get(5, TimeUnit.SECONDS);
        assertThat(payments.runningTransaction("a")).contains(started.id());

        time.advance(INTERVAL.multipliedBy(2));
        assertThat(a.exchanges).as("no probe during the transaction").hasSize(1);
        assertThat(b.exchanges).hasSize(3);
        assertThat(monitor.checkNow("a").get(5, TimeUnit.SECONDS)).isEqualTo(monitor.health("a").orElseThrow());
        assertThat(a.exchanges).hasSize(1);

        a.finish(TransactionOutcome.of(TransactionResult.DECLINED, "ISSUER_DECLINED"));
        observer.completed.get(5, TimeUnit.SECONDS);
        assertThat(payments.runningTransaction("a")).isEmpty();
        time.advance(INTERVAL);
        assertThat(a.exchanges).hasSize(2);
    }

    @Test
    void aProbeThatGaveWayToATransactionLeavesTheHealthAsItWas() {
        monitor.start();
        time.advance(Duration.ZERO);
        a.last().completeExceptionally(new TerminalProbeException("a", TerminalProbeException.Failure.BUSY,
                "a transaction started; the probe gave way"));

        assertThat(monitor.health("a").orElseThrow()).isEqualTo(TerminalHealth.unknown("a"));
        assertThat(changes).isEmpty();
    }

    @Test
    void checkNowProbesAtOnceJoinsAProbeUnderWayAndNamesAnUnknownTerminal() throws Exception {
        CompletableFuture<TerminalHealth> first = monitor.checkNow("a");
        CompletableFuture<TerminalHealth> second = monitor.checkNow("a");
        assertThat(a.exchanges).hasSize(1);
        assertThat(first).isNotDone();

        a.refuse();

        assertThat(first.get(5, TimeUnit.SECONDS).reachability()).isEqualTo(Reachability.OFFLINE);
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(first.get());
        assertThatThrownBy(() -> monitor.checkNow("nope").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no terminal 'nope' is watched");
    }

    @Test
    void aTransactionEndingWithTheTerminalsOwnAnswerCountsAsSeen() throws Exception {
        monitor.checkNow("a");
        a.refuse();
        assertThat(monitor.health("a").orElseThrow().reachability()).isEqualTo(Reachability.OFFLINE);
        time.advance(Duration.ofSeconds(7));

        monitor.changed(settled("a", TransactionOutcome.of(TransactionResult.FAILED, "CONNECT_FAILED")));
        assertThat(monitor.health("a").orElseThrow().reachability()).as("the gateway's own failure is no answer")
                .isEqualTo(Reachability.OFFLINE);

        monitor.changed(settled("a", TransactionOutcome.builder(TransactionResult.DECLINED)
                .rawResultCodes(Map.of("AE", "01", "AF", "04")).build()));
        TerminalHealth seen = monitor.health("a").orElseThrow();
        assertThat(seen.reachability()).isEqualTo(Reachability.ONLINE);
        assertThat(seen.lastSeen()).isEqualTo(time.instant());
        assertThat(seen.lastChecked()).as("not a probe").isEqualTo(time.instant().minusSeconds(7));
        assertThat(infos()).containsExactly("terminal a answers again: ONLINE");
    }

    @Test
    void closingStopsTheRoundsAndGivesUpProbesWithoutAVerdict() {
        monitor.start();
        time.advance(Duration.ZERO);

        monitor.close();

        assertThat(a.exchanges.get(0)).isCancelled();
        assertThat(monitor.all()).extracting(TerminalHealth::reachability)
                .containsExactly(Reachability.UNKNOWN, Reachability.UNKNOWN);
        assertThat(time.stopped()).isTrue();
        assertThat(warnings("a")).isEmpty();
    }

    @Test
    void aTerminalWatchedAfterTheStartIsProbedAtOnceAndAForgottenOneIsNeitherProbedNorReported() {
        monitor.start();
        time.advance(Duration.ZERO);
        b.answer();
        FakeTerminal c = new FakeTerminal("c");

        monitor.watch(c);

        assertThat(c.exchanges).as("probed at once").hasSize(1);
        c.answer();
        assertThat(monitor.health("c").orElseThrow().reachability()).isEqualTo(Reachability.ONLINE);
        assertThatThrownBy(() -> monitor.watch(new FakeTerminal("c"))).isInstanceOf(IllegalArgumentException.class);

        monitor.forget("a");

        assertThat(a.exchanges.get(0)).as("its probe under way is given up").isCancelled();
        assertThat(monitor.health("a")).isEmpty();
        assertThat(monitor.all()).extracting(TerminalHealth::terminalId).containsExactly("b", "c");
        monitor.changed(settled("a", TransactionOutcome.builder(TransactionResult.APPROVED)
                .rawResultCodes(Map.of("code", "00")).build()));
        assertThat(monitor.health("a")).as("a late outcome does not bring it back").isEmpty();
        time.advance(INTERVAL);
        assertThat(a.exchanges).as("no longer probed").hasSize(1);
        assertThat(c.exchanges).hasSize(2);
        assertThat(changes).containsExactly("b UNKNOWN→ONLINE", "c UNKNOWN→ONLINE");
    }

    private TransactionRecord settled(String terminal, TransactionOutcome outcome) {
        Instant now = time.instant();
        TransactionRecord created = new TransactionRecord("c".repeat(32), "m", terminal, "TEST", null,
                PaymentKind.SALE, Money.ofMinor(100, "EUR"), null,
                null, null, false, false, TransactionState.IN_PROGRESS, null, now, now);
        return created.withOutcome(outcome, false, now);
    }

    /** The warnings about terminal {@code id}. */
    private List<String> warnings(String id) {
        return messages(Level.WARN).stream().filter(line -> line.startsWith("terminal " + id + " ")).toList();
    }

    private List<String> infos() {
        return messages(Level.INFO);
    }

    private List<String> messages(Level level) {
        return log.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static final class Observer implements TransactionObserver {
        final CompletableFuture<TransactionRecord> completed = new CompletableFuture<>();

        @Override
        public void onStatus(TransactionRecord transaction, TerminalStatus status) {
        }

        @Override
        public void onAction(TransactionRecord transaction, TerminalAction action) {
        }

        @Override
        public void onCompleted(TransactionRecord transaction) {
            completed.complete(transaction);
        }
    }
}
