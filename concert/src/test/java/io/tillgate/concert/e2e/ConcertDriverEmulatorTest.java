package io.tillgate.concert.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.resolver.DefaultAddressResolverGroup;
import io.tillgate.concert.codec.TicketMode;
import io.tillgate.concert.driver.ConcertTerminal;
import io.tillgate.concert.driver.ConcertTerminalConfig;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.EntryMode;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.terminal.TerminalPhase;
import io.tillgate.core.terminal.TerminalProbeException;
import io.tillgate.core.terminal.TerminalRequest;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Concert driver against the Concert terminal emulator over loopback: every scenario of the
 * shared simulated card flow that Concert can express, refund, cancellation, identification,
 * immediate mode and a busy terminal. Nothing in between is mocked.
 */
@Timeout(value = 15, unit = TimeUnit.SECONDS)
class ConcertDriverEmulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Short, so cents 95 ends quickly; still far above what any other scenario takes. */
    private static final Duration ANSWER_DEADLINE = Duration.ofMillis(1500);

    private static EventLoopGroup group;
    private ConcertEmulator emulator;
    private ConcertTerminal terminal;
    private int sequence;

    @BeforeAll
    static void startLoops() {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopLoops() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @BeforeEach
    void start() {
        emulator = new ConcertEmulator();
        terminal = new ConcertTerminal(config(), group, DefaultAddressResolverGroup.INSTANCE);
    }

    @AfterEach
    void stop() {
        terminal.close();
        emulator.close();
    }

    private ConcertTerminalConfig config() {
        return ConcertTerminalConfig.defaults("concert-1", "127.0.0.1", emulator.address().getPort())
                .withTimeouts(Duration.ofSeconds(2), ANSWER_DEADLINE, Duration.ofMillis(100));
    }

    private TransactionOutcome run(ConcertTerminal driver, PaymentCommand command) throws Exception {
        RecordingListener listener = new RecordingListener();
        driver.execute(new TerminalRequest("tx-" + (++sequence), command, null), listener);
        TransactionOutcome outcome = listener.await(WAIT);
        assertThat(listener.statuses).extracting(TerminalStatus::phase)
                .startsWith(TerminalPhase.CONNECTING);
        assertThat(listener.statuses).noneMatch(TerminalStatus::abortable);
        return outcome;
    }

    private TransactionOutcome sale(long minorUnits) throws Exception {
        return run(terminal, PaymentCommand.sale(Money.ofMinor(minorUnits, "EUR"), null, null));
    }

    @ParameterizedTest
    @ValueSource(longs = {1200, 4237, 12345, 9990})
    void cents00To90AreApprovedWithCardData(long minorUnits) throws Exception {
        TransactionOutcome outcome = sale(minorUnits);

        assertThat(outcome.result()).isEqualTo(TransactionResult.APPROVED);
        assertThat(outcome.reason()).isNull();
        assertThat(outcome.approvedAmount()).isEqualTo(Money.ofMinor(minorUnits, "EUR"));
        assertThat(outcome.maskedPan().value()).matches("[0-9]{6}\\*+[0-9]{4}");
        assertThat(outcome.entryMode()).isEqualTo(minorUnits < 5000 ? EntryMode.CONTACTLESS : EntryMode.CHIP);
        assertThat(outcome.scheme()).isNotNull();
        assertThat(outcome.authorisationCode()).isNotBlank();
        assertThat(outcome.rawResultCodes()).containsEntry("AE", "10");
        assertThat(onlyEmulatorTransaction().state()).isEqualTo(TransactionState.APPROVED);
        assertThat(onlyEmulatorTransaction().outcome().maskedPan()).isEqualTo(outcome.maskedPan());
    }

    @Test
    void theConnectionRunsOnTheCallersEventLoop() throws Exception {
        EventLoopGroup callers = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            EventLoop caller = callers.next();
            RecordingListener listener = new RecordingListener();
            terminal.execute(new TerminalRequest("tx-affinity", PaymentCommand.sale(Money.ofMinor(1200, "EUR"), null,
                    null), null, caller), listener);

            assertThat(listener.await(WAIT).result()).isEqualTo(TransactionResult.APPROVED);
            assertThat(caller.inEventLoop(listener.outcomeThread)).isTrue();
        } finally {
            callers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void anExecutorThatCannotRunItsChannelLeavesTheConnectionOnTheDriversLoops() throws Exception {
        DefaultEventLoop notNio = new DefaultEventLoop();
        try {
            RecordingListener listener = new RecordingListener();
            terminal.execute(new TerminalRequest("tx-not-nio", PaymentCommand.sale(Money.ofMinor(1200, "EUR"), null,
                    null), null, notNio), listener);

            assertThat(listener.await(WAIT).result()).isEqualTo(TransactionResult.APPROVED);
            assertThat(group).anyMatch(loop -> loop.inEventLoop(listener.outcomeThread));
        } finally {
            notNio.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void cents91IsRefused() throws Exception {
        TransactionOutcome outcome = sale(1291);
        assertThat(outcome.result()).isEqualTo(TransactionResult.DECLINED);
        assertThat(outcome.reason()).isEqualTo("ISSUER_DECLINED");
        assertThat(outcome.rawResultCodes()).isEqualTo(Map.of("AE", "01", "AF", "04"));
    }

    @Test
    void cents92IsApprovedWithoutASignatureStep() throws Exception {
        TransactionOutcome outcome = sale(1292);

        assertThat(outcome.result()).isEqualTo(TransactionResult.APPROVED);
        assertThat(onlyEmulatorTransaction().signatureOnReceipt()).isTrue();
    }

    @Test
    void cents93WaitsForTheCardThenApproves() throws Exception {
        Instant start = Instant.now();
        TransactionOutcome outcome = sale(1293);
        assertThat(outcome.result()).isEqualTo(TransactionResult.APPROVED);
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(ConcertEmulator.SLOW_CARD);
    }

    @Test
    void cents94IsTheCardholderAbandoning() throws Exception {
        TransactionOutcome outcome = sale(1294);
        assertThat(outcome.result()).isEqualTo(TransactionResult.ABORTED);
        assertThat(outcome.reason()).isEqualTo("SHOPPER_ABORTED");
        assertThat(outcome.rawResultCodes()).isEqualTo(Map.of("AE", "01", "AF", "06"));
    }

    @Test
    void cents95NeverAnswersSoTheDeadlineMakesItUnknown() throws Exception {
        Instant start = Instant.now();
        TransactionOutcome outcome = sale(1295);
        assertThat(outcome.result()).isEqualTo(TransactionResult.UNKNOWN);
        assertThat(outcome.reason()).isEqualTo("ANSWER_LOST: no answer within PT1.5S");
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(ANSWER_DEADLINE);
    }

    @Test
    void cents96IsApprovedButTheConnectionDropsSoTheDriverSaysUnknown() throws Exception {
        TransactionOutcome outcome = sale(1296);
        assertThat(outcome.result()).isEqualTo(TransactionResult.UNKNOWN);
        assertThat(outcome.reason()).isEqualTo("ANSWER_LOST: connection closed by the terminal before an answer");
        assertThat(onlyEmulatorTransaction().state()).isEqualTo(TransactionState.APPROVED);
    }

    @Test
    void cents97IsAPartialApprovalOfHalf() throws Exception {
        TransactionOutcome outcome = sale(1297);
        assertThat(outcome.result()).isEqualTo(TransactionResult.APPROVED);
        assertThat(outcome.reason()).isEqualTo("PARTIAL_APPROVAL");
        assertThat(outcome.approvedAmount()).isEqualTo(Money.ofMinor(648, "EUR"));
    }

    @Test
    void cents98RetriesTheCardThenApproves() throws Exception {
        assertThat(sale(1298).result()).isEqualTo(TransactionResult.APPROVED);
    }

    @Test
    void cents99IsATerminalError() throws Exception {
        TransactionOutcome outcome = sale(1299);
        assertThat(outcome.result()).isEqualTo(TransactionResult.FAILED);
        assertThat(outcome.rawResultCodes()).isEqualTo(Map.of("AE", "01", "AF", "07"));
    }

    @Test
    void refundIsAnUnlinkedCredit() throws Exception {
        TransactionOutcome outcome = run(terminal, PaymentCommand.unlinkedRefund(Money.ofMinor(2500, "EUR"), null, null));

        assertThat(outcome.result()).isEqualTo(TransactionResult.APPROVED);
        assertThat(outcome.approvedAmount()).isEqualTo(Money.ofMinor(2500, "EUR"));
        TransactionRecord refund = onlyEmulatorTransaction();
        assertThat(refund.kind()).isEqualTo(PaymentKind.REFUND);
        assertThat(refund.originalTransactionId()).isNull();
        assertThat(refund.state()).isEqualTo(TransactionState.APPROVED);
    }

    @Test
    void cancellationVoidsTheLastApprovedSaleOfTheSameAmount() throws Exception {
        assertThat(sale(1500).result()).isEqualTo(TransactionResult.APPROVED);

        TransactionOutcome cancelled = run(terminal,
                new PaymentCommand(PaymentKind.REVERSAL, Money.ofMinor(1500, "EUR"), null, "pos-sale-1", null));

        assertThat(cancelled.result()).isEqualTo(TransactionResult.APPROVED);
        List<TransactionRecord> all = emulator.store().findSince(Instant.EPOCH);
        TransactionRecord sale = all.stream().filter(r -> r.kind() == PaymentKind.SALE).findFirst().orElseThrow();
        TransactionRecord reversal = all.stream().filter(r -> r.kind() == PaymentKind.REVERSAL).findFirst().orElseThrow();
        assertThat(reversal.originalTransactionId()).isEqualTo(sale.id());

        TransactionOutcome again = run(terminal,
                new PaymentCommand(PaymentKind.REVERSAL, Money.ofMinor(1500, "EUR"), null, "pos-sale-1", null));
        assertThat(again.result()).isEqualTo(TransactionResult.FAILED);
        assertThat(again.rawResultCodes()).containsEntry("AF", "07");
    }

    @Test
    void theProbeIsTheIdentificationAndStartsNoTransaction() throws Exception {
        terminal.probe().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(emulator.store().findSince(Instant.EPOCH)).isEmpty();
    }

    @Test
    void aProbeOfAnUnreachableTerminalFailsNamingTheAddress() throws Exception {
        ConcertTerminalConfig unreachable = ConcertTerminalConfig.defaults("concert-9", "127.0.0.1", freePort())
                .withTimeouts(Duration.ofSeconds(2), ANSWER_DEADLINE, Duration.ofMillis(100));
        ConcertTerminal nowhere = new ConcertTerminal(unreachable, group, DefaultAddressResolverGroup.INSTANCE);
        assertThatThrownBy(() -> nowhere.probe().get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(TerminalProbeException.class, e -> assertThat(e.failure())
                        .isEqualTo(TerminalProbeException.Failure.UNREACHABLE))
                .hasMessageStartingWith("terminal concert-9 is unreachable: cannot connect to 127.0.0.1:");
    }

    @Test
    void aProbeWhileATransactionRunsIsRefusedAndLeavesItAlone() throws Exception {
        RecordingListener slow = new RecordingListener();
        terminal.execute(new TerminalRequest("tx-slow", PaymentCommand.sale(Money.ofMinor(1093, "EUR"), null, null),
                null), slow);
        awaitEmulatorTransactions(1);

        assertThatThrownBy(() -> terminal.probe().get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .cause().isInstanceOfSatisfying(TerminalProbeException.class, e -> assertThat(e.failure())
                        .isEqualTo(TerminalProbeException.Failure.BUSY));

        assertThat(slow.await(WAIT).result()).isEqualTo(TransactionResult.APPROVED);
        terminal.probe().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void aTerminalBusyWithAnotherRegisterIsThereButAFormatErrorIsAnUnexpectedAnswer() throws Exception {
        String head = "CZ0040320CJ012000000000000CA00201CD001I";
        assertThat(probeOfScripted(head + "AE00201AF00207")).isNull();

        assertThat(probeOfScripted(head + "AE00201AF00209")).isInstanceOf(TerminalProbeException.class)
                .hasMessage("terminal concert-7 answered unexpectedly: identification answered CD=I AE=01 AF=09");
        assertThat(probeOfScripted("CZ0040320CJ012000000000000CA00201CD0010AE00210"))
                .hasMessage("terminal concert-7 answered unexpectedly: identification answered CD=0 AE=10");
    }

    /** What a probe of a terminal that answers {@code answer} failed with, or null when it succeeded. */
    private static Throwable probeOfScripted(String answer) throws Exception {
        try (ScriptedTerminal scripted = new ScriptedTerminal(answer, ScriptedTerminal.Ending.ANSWER_AND_CLOSE)) {
            ConcertTerminal driver = new ConcertTerminal(ConcertTerminalConfig.defaults("concert-7", "127.0.0.1",
                    scripted.port()).withTimeouts(Duration.ofSeconds(2), ANSWER_DEADLINE, Duration.ofMillis(100)),
                    group, DefaultAddressResolverGroup.INSTANCE);
            Throwable failure = driver.probe().handle((v, e) -> e).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(scripted.request().get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .isEqualTo("CZ0040320CJ012000000000000CA00201CD001IBA0010");
            return failure instanceof CompletionException ? failure.getCause() : failure;
        }
    }

    @Test
    void immediateModeIsOnlyAnAcknowledgementSoTheOutcomeIsUnknown() throws Exception {
        ConcertTerminal immediate = new ConcertTerminal(config().withImmediateMode(true), group,
                DefaultAddressResolverGroup.INSTANCE);

        TransactionOutcome outcome = run(immediate, PaymentCommand.sale(Money.ofMinor(1000, "EUR"), null, null));

        assertThat(outcome.result()).isEqualTo(TransactionResult.UNKNOWN);
        assertThat(outcome.reason()).startsWith("ACKNOWLEDGED_ONLY");
        assertThat(outcome.rawResultCodes()).isEqualTo(Map.of("AE", "11"));
    }

    @Test
    void aSecondRequestWhileTheTerminalIsBusyIsRefusedAtOnce() throws Exception {
        RecordingListener first = new RecordingListener();
        terminal.execute(new TerminalRequest("tx-slow", PaymentCommand.sale(Money.ofMinor(1093, "EUR"), null, null), null),
                first);
        awaitEmulatorTransactions(1);

        TransactionOutcome second = sale(1000);

        assertThat(second.result()).isEqualTo(TransactionResult.FAILED);
        assertThat(second.rawResultCodes()).isEqualTo(Map.of("AE", "01", "AF", "07"));
        assertThat(first.outcome).isNotDone();
        assertThat(first.await(WAIT).result()).isEqualTo(TransactionResult.APPROVED);
    }

    @Test
    void ticketsComeBackAsReceiptLines() throws Exception {
        ConcertTerminal withTickets = new ConcertTerminal(
                config().withTickets(new TicketMode(true, TicketMode.Copies.BOTH, false)), group,
                        DefaultAddressResolverGroup.INSTANCE);

        TransactionOutcome outcome = run(withTickets, PaymentCommand.sale(Money.ofMinor(1250, "EUR"), null, null));

        assertThat(outcome.result()).isEqualTo(TransactionResult.APPROVED);
        assertThat(outcome.merchantReceipt()).contains("Merchant Receipt");
        assertThat(outcome.customerReceipt()).contains("Customer Receipt");
        assertThat(String.join("\n", outcome.customerReceipt())).contains(outcome.maskedPan().lastFour());
    }

    @Test
    void anUnreachableTerminalFailsBecauseNothingWasSent() throws Exception {
        ConcertTerminal nowhere = new ConcertTerminal(ConcertTerminalConfig.defaults("concert-9", "127.0.0.1", freePort())
                .withTimeouts(Duration.ofSeconds(2), ANSWER_DEADLINE, Duration.ofMillis(100)), group,
                        DefaultAddressResolverGroup.INSTANCE);

        TransactionOutcome outcome = run(nowhere, PaymentCommand.sale(Money.ofMinor(1000, "EUR"), null, null));

        assertThat(outcome.result()).isEqualTo(TransactionResult.FAILED);
        assertThat(outcome.reason()).startsWith("CONNECT_FAILED: cannot connect to 127.0.0.1:");
    }

    @Test
    void capabilitiesSayNoAbortAndNoRecovery() {
        assertThat(terminal.capabilities().abort()).isFalse();
        assertThat(terminal.capabilities().recovery()).isFalse();
        assertThat(terminal.capabilities().refund()).isTrue();
        assertThat(terminal.capabilities().reversal()).isTrue();
    }

    /**
     * The POS's reference travels as {@code CF} and the emulator takes {@code CF} as the order
     * number: two sales under one order number are two payments, and a reference {@code CF} cannot
     * carry is left out rather than altered.
     */
    @Test
    void thePosReferenceTravelsAsCfAndOneOrderNumberPaysTwice() throws Exception {
        PaymentCommand first = PaymentCommand.sale(Money.ofMinor(1200, "EUR"), "ORDER-42", null);
        PaymentCommand second = PaymentCommand.sale(Money.ofMinor(1200, "EUR"), "ORDER-42", null);
        PaymentCommand unprintable = PaymentCommand.sale(Money.ofMinor(1300, "EUR"), "ORDER\u00e9", null);

        assertThat(List.of(run(terminal, first), run(terminal, second), run(terminal, unprintable)))
                .extracting(TransactionOutcome::result).containsOnly(TransactionResult.APPROVED);
        assertThat(emulator.store().findByReference("ORDER-42")).hasSize(2)
                .extracting(TransactionRecord::state).containsOnly(TransactionState.APPROVED);
        assertThat(emulator.store().findSince(Instant.EPOCH)).extracting(TransactionRecord::reference)
                .containsExactly("ORDER-42", "ORDER-42", null);
    }

    private TransactionRecord onlyEmulatorTransaction() {
        List<TransactionRecord> all = emulator.store().findSince(Instant.EPOCH);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private void awaitEmulatorTransactions(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (emulator.store().findSince(Instant.EPOCH).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the emulator never registered " + count + " transaction(s)");
            }
            Thread.sleep(5);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
