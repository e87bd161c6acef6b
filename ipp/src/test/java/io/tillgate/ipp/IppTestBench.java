package io.tillgate.ipp;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.resolver.DefaultAddressResolverGroup;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.service.PaymentRequest;
import io.tillgate.core.service.PaymentService;
import io.tillgate.core.service.PaymentServiceSettings;
import io.tillgate.core.service.ReferenceRule;
import io.tillgate.core.service.TransactionObserver;
import io.tillgate.core.simulated.SimulatedTerminal;
import io.tillgate.core.simulated.SimulatedTiming;
import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalEvent;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.InMemoryTransactionStore;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.ipp.driver.IppTerminal;
import io.tillgate.ipp.driver.IppTerminalConfig;
import io.tillgate.ipp.frontend.IppFrontEnd;
import io.tillgate.ipp.frontend.IppFrontEndConfig;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Two real gateways over loopback: the <em>emulator</em> (IppFrontEnd in front of a PaymentService
 * over SimulatedTerminal {@code sim-1}) and the <em>POS gateway</em> (a PaymentService whose
 * terminal {@code ipp-1} is the IppTerminal driver pointed at the emulator).
 */
public final class IppTestBench implements AutoCloseable {

    public static final String MERCHANT = "demo";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final EventLoopGroup driverLoops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    public final InMemoryTransactionStore emulatorStore = new InMemoryTransactionStore();
    public final PaymentService emulatorPayments;
    public final IppFrontEnd emulator;
    public final InetSocketAddress emulatorAddress;
    public final IppTerminal driver;
    public final PaymentService pos;

    public IppTestBench() {
        this(c -> c, c -> c, Duration.ofSeconds(30), Duration.ofSeconds(20));
    }

    /**
     * @param frontEnd adjusts the emulator's settings (port 0 and loopback already set)
     * @param terminal adjusts the driver's settings (host and port already set)
     * @param slowCard how long cents 93 waits for the card
     * @param emulatorTimeout the emulator's gateway transaction timeout (what ends cents 95 there)
     */
    public IppTestBench(UnaryOperator<IppFrontEndConfig> frontEnd, UnaryOperator<IppTerminalConfig> terminal,
            Duration slowCard, Duration emulatorTimeout) {
        SimulatedTiming timing = new SimulatedTiming(Duration.ZERO, Duration.ZERO, slowCard);
        emulatorPayments = new PaymentService(List.of(new SimulatedTerminal("sim-1", timing, scheduler, false)),
                emulatorStore, PaymentServiceSettings.defaults().withTransactionTimeout(emulatorTimeout),
                Clock.systemUTC());
        emulator = new IppFrontEnd(frontEnd.apply(IppFrontEndConfig.defaults(MERCHANT, "sim-1")
                .withHost("127.0.0.1").withPort(0)), emulatorPayments);
        emulatorAddress = emulator.start();
        driver = new IppTerminal(terminal.apply(IppTerminalConfig.defaults("ipp-1", "127.0.0.1",
                emulatorAddress.getPort())), driverLoops, DefaultAddressResolverGroup.INSTANCE);
        pos = new PaymentService(List.of(driver), new InMemoryTransactionStore(),
                PaymentServiceSettings.defaults().withTransactionTimeout(Duration.ofSeconds(60)), Clock.systemUTC());
    }

    /** Runs a sale on the POS gateway and waits for its final record. */
    public TransactionRecord sale(String amount) {
        return run(PaymentCommand.sale(Money.ofMajor(amount, "EUR"), null, null), new Recorder());
    }

    public TransactionRecord run(PaymentCommand command, Recorder recorder) {
        return start(command, recorder).completed.orTimeout(30, TimeUnit.SECONDS).join();
    }

    public Recorder start(PaymentCommand command, Recorder recorder) {
        return start(command, recorder, null);
    }

    /** @param affinity the event loop the POS gateway's front-end would have called from, or {@code null} */
    public Recorder start(PaymentCommand command, Recorder recorder, Executor affinity) {
        String terminal = command.kind().needsOriginal() ? null : "ipp-1";
        pos.execute(new PaymentRequest(MERCHANT, terminal, "TEST", null, command, ReferenceRule.ORDER_NUMBER,
                affinity), recorder)
                .whenComplete((r, f) -> {
                    if (f != null) {
                        recorder.completed.completeExceptionally(f);
                    } else {
                        recorder.started.complete(r);
                    }
                });
        return recorder;
    }

    @Override
    public void close() {
        pos.close();
        emulator.close();
        emulatorPayments.close();
        driverLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        scheduler.shutdownNow();
    }

    /** What the POS gateway told its front-end about one transaction. */
    public static final class Recorder implements TransactionObserver {
        public final List<TerminalStatus> statuses = new CopyOnWriteArrayList<>();
        public final List<TerminalEvent> events = new CopyOnWriteArrayList<>();
        public final CompletableFuture<TransactionRecord> started = new CompletableFuture<>();
        public final CompletableFuture<TransactionRecord> completed = new CompletableFuture<>();
        public final CompletableFuture<TerminalStatus> waitingForCard = new CompletableFuture<>();
        /** The thread the outcome was reported on. */
        public volatile Thread completedOn;

        @Override
        public void onStatus(TransactionRecord transaction, TerminalStatus status) {
            statuses.add(status);
            if (status.phase() == io.tillgate.core.terminal.TerminalPhase.WAITING_FOR_CARD) {
                waitingForCard.complete(status);
            }
        }

        @Override
        public void onAction(TransactionRecord transaction, TerminalAction action) {
        }

        @Override
        public void onEvent(TransactionRecord transaction, TerminalEvent event) {
            events.add(event);
        }

        @Override
        public void onCompleted(TransactionRecord transaction) {
            completedOn = Thread.currentThread();
            completed.complete(transaction);
        }
    }
}
