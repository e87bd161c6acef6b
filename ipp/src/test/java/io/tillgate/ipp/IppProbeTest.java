package io.tillgate.ipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.resolver.DefaultAddressResolverGroup;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.terminal.TerminalProbeException;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.ipp.IppTestBench.Recorder;
import io.tillgate.ipp.codec.IppCodec;
import io.tillgate.ipp.codec.IppMethod;
import io.tillgate.ipp.codec.IppRequest;
import io.tillgate.ipp.codec.IppResponse;
import io.tillgate.ipp.codec.IppStage;
import io.tillgate.ipp.codec.IppStatus;
import io.tillgate.ipp.driver.IppTerminal;
import io.tillgate.ipp.driver.IppTerminalConfig;
import io.tillgate.ipp.frontend.RawIppClient;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The driver's health probe, PING, against the IPP emulator and a terminal that answers otherwise. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class IppProbeTest {

    private static final long WAIT_SECONDS = 10;

    private final IppTestBench bench = new IppTestBench(c -> c, c -> c, Duration.ofSeconds(1), Duration.ofSeconds(20));
    private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    @AfterEach
    void stop() {
        bench.close();
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void theProbeIsAPingTheEmulatorAnswersWithoutStartingATransaction() throws Exception {
        bench.driver.probe().get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(bench.emulatorStore.findSince(Instant.EPOCH)).isEmpty();
    }

    @Test
    void aProbeOfAnUnreachableTerminalFailsNamingTheAddress() throws Exception {
        int port = freePort();
        IppTerminal nowhere = driver("ipp-9", port);

        assertThatThrownBy(() -> nowhere.probe().get(WAIT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(TerminalProbeException.class, e -> assertThat(e.failure())
                        .isEqualTo(TerminalProbeException.Failure.UNREACHABLE))
                .hasMessageStartingWith("terminal ipp-9 is unreachable: cannot connect to 127.0.0.1:" + port + ": ");
    }

    @Test
    void aProbeWhileATransactionRunsIsRefusedAndTheEmulatorAnswersOtherCallersBusy() throws Exception {
        Recorder slow = bench.start(PaymentCommand.sale(Money.ofMajor("12.93", "EUR"), null, null), new Recorder());
        slow.waitingForCard.get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThatThrownBy(() -> bench.driver.probe().get(WAIT_SECONDS, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(TerminalProbeException.class, e -> assertThat(e.failure())
                        .isEqualTo(TerminalProbeException.Failure.BUSY));
        try (RawIppClient otherCaller = new RawIppClient(bench.emulatorAddress)) {
            otherCaller.send(new IppRequest(IppRequest.start(IppMethod.PING, 202, "p1").build()));
            assertThat(otherCaller.readUntilFinal()).extracting(r -> r.stage() + "/" + r.status())
                    .containsExactly(IppStage.CHECK_REQUEST + "/" + IppStatus.BUSY);
        }

        assertThat(slow.completed.get(WAIT_SECONDS, TimeUnit.SECONDS).state()).isEqualTo(TransactionState.APPROVED);
        bench.driver.probe().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void aPingAnsweredWithAnErrorIsAnUnexpectedAnswer() throws Exception {
        try (ServerSocket terminal = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<IppRequest> received = CompletableFuture.supplyAsync(() -> answerOnce(terminal,
                    IppStatus.INTERNAL_ERROR));

            assertThatThrownBy(() -> driver("ipp-7", terminal.getLocalPort()).probe().get(WAIT_SECONDS,
                    TimeUnit.SECONDS))
                    .cause().isInstanceOf(TerminalProbeException.class)
                    .hasMessage("terminal ipp-7 answered unexpectedly: PING answered STAGE 5 STATUS 14");
            IppRequest ping = received.get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(ping.method()).isEqualTo(IppMethod.PING);
            assertThat(ping.version()).isEqualTo(IppTerminalConfig.defaults("x", "h", 1).version());
        }
    }

    /** A terminal that answers one PING with STAGE 1 OK and a STAGE 5 of {@code status}. */
    private static IppRequest answerOnce(ServerSocket server, IppStatus status) {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int length = in.readUnsignedShort();
            byte[] frame = new byte[length];
            frame[0] = (byte) (length >>> 8);
            frame[1] = (byte) length;
            in.readFully(frame, 2, length - 2);
            IppRequest ping = IppCodec.decodeRequest(frame);
            for (IppStage stage : new IppStage[] {IppStage.CHECK_REQUEST, IppStage.OUTCOME}) {
                IppStatus reply = stage == IppStage.OUTCOME ? status : IppStatus.OK;
                socket.getOutputStream().write(IppCodec.encode(new IppResponse(IppResponse.start(ping.methodCode(),
                        ping.version(), ping.sid(), stage, reply).build())));
            }
            socket.getOutputStream().flush();
            // Hold the connection until the driver closes it.
            while (in.read() >= 0) {
                continue;
            }
            return ping;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private IppTerminal driver(String id, int port) {
        return new IppTerminal(IppTerminalConfig.defaults(id, "127.0.0.1", port), loops,
                DefaultAddressResolverGroup.INSTANCE);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
