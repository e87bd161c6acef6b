package io.tillgate.nexo.driver;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.resolver.DefaultAddressResolverGroup;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.service.PaymentService;
import io.tillgate.core.service.PaymentServiceSettings;
import io.tillgate.core.simulated.SimulatedTerminal;
import io.tillgate.core.simulated.SimulatedTiming;
import io.tillgate.core.terminal.TerminalRequest;
import io.tillgate.core.transaction.InMemoryTransactionStore;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.nexo.frontend.NexoFrontEnd;
import io.tillgate.nexo.frontend.NexoFrontEndConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.IntUnaryOperator;

/**
 * The driver against the nexo terminal emulator over loopback: a {@link NexoTerminal} (with its
 * {@link NexoPosListener} in full integration) talking to a {@link NexoFrontEnd} in front of a real
 * {@link PaymentService} over a {@link SimulatedTerminal}. Cents 93 waits {@link #SLOW_CARD};
 * the emulator's gateway gives up after {@link #EMULATOR_TIMEOUT} (cents 95), and the driver waits
 * {@link #PAYMENT_TIMEOUT} before it asks TransactionStatus for up to {@link #RECOVERY}.
 */
final class NexoRig implements AutoCloseable {

    static final String MERCHANT = "demo";
    static final Duration SLOW_CARD = Duration.ofSeconds(1);
    static final Duration EMULATOR_TIMEOUT = Duration.ofSeconds(2);
    static final Duration PAYMENT_TIMEOUT = Duration.ofMillis(2500);
    static final Duration RECOVERY = Duration.ofSeconds(1);

    final NexoIntegration integration;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    final InMemoryTransactionStore emulatorStore = new InMemoryTransactionStore();
    final PaymentService payments;
    private final NexoPosListener listener;
    private AutoCloseable registration;
    private NexoFrontEndConfig frontEndConfig;
    private NexoFrontEnd frontEnd;
    private final NexoTerminalConfig terminalConfig;
    final NexoTerminal terminal;

    NexoRig(NexoIntegration integration) {
        this(integration, port -> port);
    }

    /** @param route the port the driver calls, given the emulator's (a proxy's in between, say) */
    NexoRig(NexoIntegration integration, IntUnaryOperator route) {
        this.integration = integration;
        payments = new PaymentService(List.of(new SimulatedTerminal("sim1", new SimulatedTiming(Duration.ZERO,
                Duration.ZERO, SLOW_CARD), scheduler, true)), emulatorStore,
                PaymentServiceSettings.defaults().withTransactionTimeout(EMULATOR_TIMEOUT), Clock.systemUTC());
        frontEndConfig = NexoFrontEndConfig.defaults(MERCHANT, "sim1").withBind("127.0.0.1", 0);
        if (integration == NexoIntegration.FULL) {
            listener = new NexoPosListener(NexoPosListenerConfig.defaults().withBind("127.0.0.1", 0)
                    .withInputTimeout(Duration.ofSeconds(5)));
            InetSocketAddress listening = listener.start();
            frontEndConfig = frontEndConfig.withPosListenerUrl(URI.create("http://127.0.0.1:" + listening.getPort()
                    + "/EPASSaleToPOI/3.1"));
        } else {
            listener = null;
        }
        frontEnd = new NexoFrontEnd(frontEndConfig, payments);
        int port = frontEnd.start().getPort();
        frontEndConfig = frontEndConfig.withBind("127.0.0.1", port);
        terminalConfig = NexoTerminalConfig.defaults("nexo1", "127.0.0.1", route.applyAsInt(port))
                .withIds("POS7", "SHOP1-POS7")
                .withIntegration(integration)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), PAYMENT_TIMEOUT)
                .withRecovery(RECOVERY, Duration.ofMillis(100))
                .withBusyRetry(2, Duration.ofMillis(100));
        terminal = new NexoTerminal(terminalConfig, group, DefaultAddressResolverGroup.INSTANCE);
        if (listener != null) {
            registration = listener.register(terminal);
        }
    }

    URI frontEndUri() {
        return URI.create("http://127.0.0.1:" + frontEndConfig.port() + "/EPASSaleToPOI/3.1");
    }

    URI listenerUri() {
        return frontEndConfig.posListenerUrl();
    }

    /** The terminal restarts: a new emulator on the same port, without the old login sessions. */
    void restartTerminal() {
        frontEnd.close();
        frontEnd = new NexoFrontEnd(frontEndConfig, payments);
        frontEnd.start();
    }

    /** The driver of a gateway that restarted: same terminal, nothing remembered. Close it after use. */
    NexoTerminal restartedDriver() {
        return new NexoTerminal(terminalConfig, group, DefaultAddressResolverGroup.INSTANCE);
    }

    static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    RecordingListener run(TerminalRequest request, RecordingListener listener) {
        terminal.execute(request, listener);
        return listener;
    }

    static TerminalRequest sale(String amount) {
        return sale(amount, null);
    }

    /** A sale carrying the POS's {@code reference}. */
    static TerminalRequest sale(String amount, String reference) {
        return new TerminalRequest(newId(), PaymentCommand.sale(Money.ofMajor(amount, "SEK"), reference, null), null);
    }

    /** A linked refund or reversal of {@code original} as the gateway would hand it to the driver. */
    static TerminalRequest linked(PaymentKind kind, TerminalRequest original, TransactionOutcome outcome,
            Money amount) {
        Instant now = Instant.now();
        Money originalAmount = original.command().amount();
        TransactionRecord record = new TransactionRecord(original.transactionId(), MERCHANT, "nexo1", "P3", null,
                PaymentKind.SALE, originalAmount, null, null, null, true, false, TransactionState.APPROVED, outcome,
                now, now);
        return new TerminalRequest(newId(), new PaymentCommand(kind, amount, null, original.transactionId(), null),
                record);
    }

    @Override
    public void close() throws Exception {
        terminal.close();
        if (registration != null) {
            registration.close();
        }
        if (listener != null) {
            listener.close();
        }
        frontEnd.close();
        payments.close();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        scheduler.shutdownNow();
    }
}
