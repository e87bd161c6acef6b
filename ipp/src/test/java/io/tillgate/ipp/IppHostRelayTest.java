package io.tillgate.ipp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.resolver.DefaultAddressResolverGroup;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalListener;
import io.tillgate.core.terminal.TerminalRequest;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.ipp.codec.IppCodec;
import io.tillgate.ipp.codec.IppMethod;
import io.tillgate.ipp.codec.IppNames;
import io.tillgate.ipp.codec.IppRequest;
import io.tillgate.ipp.codec.IppStage;
import io.tillgate.ipp.driver.IppTerminal;
import io.tillgate.ipp.driver.IppTerminalConfig;
import io.tillgate.ipp.frontend.IppFrontEndConfig;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Slave mode (docs/protocols/ipp.md §9): the driver relays the terminal's host traffic verbatim, over TCP or TLS. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IppHostRelayTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    private static final byte[] HOST_ANSWER = HEX.parseHex("00 04 DE AD BE EF");

    @Test
    void theDocumentedVectorIsRelayedByteForByte() throws Exception {
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (FakeHost host = new FakeHost(null, HOST_ANSWER); ServerSocket terminal = new ServerSocket(0, 1,
                InetAddress.getLoopbackAddress())) {
            IppTerminal driver = new IppTerminal(IppTerminalConfig.defaults("ipp-1", "127.0.0.1",
                    terminal.getLocalPort()), loops, DefaultAddressResolverGroup.INSTANCE);
            CompletableFuture<TransactionOutcome> outcome = new CompletableFuture<>();
            driver.execute(new TerminalRequest("01a21cc40063af6b383cc21e90a3c9ac",
                    PaymentCommand.sale(Money.ofMajor("12.50", "EUR"), null, null), null), listener(outcome));

            try (Socket socket = terminal.accept()) {
                socket.setSoTimeout(10_000);
                DataInputStream in = new DataInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                IppRequest getStatus = IppCodec.decodeRequest(frame(in));
                reply(out, getStatus, IppStage.CHECK_REQUEST, "");
                reply(out, getStatus, IppStage.OUTCOME, "");
                IppRequest purchase = IppCodec.decodeRequest(frame(in));
                assertThat(purchase.method()).isEqualTo(IppMethod.PURCHASE);
                reply(out, purchase, IppStage.CHECK_REQUEST, "IP=127.0.0.1\r\nPORT=" + host.port() + "\r\n");
                // STAGE 4 with the §9 vector: DATA prefix 7 counts itself, the payload holds CR LF.
                byte[] stage4 = withData(purchase, HEX.parseHex("44 41 54 41 3D 00 07 01 02 0D 0A 03 0D 0A"));
                out.write(stage4);

                byte[] relayed = frame(in);
                assertThat(relayed).endsWith(HEX.parseHex(
                        "53 54 41 54 55 53 3D 30 0D 0A 53 54 41 47 45 3D 34 0D 0A 44 41 54 41 3D 00 04 DE AD BE EF 0D 0A"));
                IppRequest reply = IppCodec.decodeRequest(relayed);
                assertThat(reply.sid()).isEqualTo(purchase.sid());
                assertThat(reply.methodCode()).isEqualTo("PURCHASE");
                assertThat(host.received).containsExactly(HEX.parseHex("00 07 01 02 0D 0A 03"));

                reply(out, purchase, IppStage.OUTCOME, "APPROVAL=00\r\nAMOUNT=12.50\r\nCURRENCY=978\r\n");
                IppRequest complete = IppCodec.decodeRequest(frame(in));
                assertThat(complete.method()).isEqualTo(IppMethod.COMPLETE_TX);
                assertThat(complete.text(IppNames.SID_ORIGINAL)).isEqualTo(purchase.sid());
                reply(out, complete, IppStage.CHECK_REQUEST, "");
                reply(out, complete, IppStage.OUTCOME, "");
            }
            assertThat(outcome.get(10, TimeUnit.SECONDS).result()).isEqualTo(TransactionResult.APPROVED);
        } finally {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    @Test
    void theEmulatorsHostTrafficGoesThroughTheDriverOverTcp() throws Exception {
        try (FakeHost host = new FakeHost(null, HOST_ANSWER);
                IppTestBench bench = new IppTestBench(f -> f.withHostRelay(
                        new IppFrontEndConfig.HostRelay("127.0.0.1", host.port(), List.of())), t -> t,
                        Duration.ofSeconds(30), Duration.ofSeconds(20))) {
            TransactionRecord sale = bench.sale("23.00");

            assertThat(sale.state()).isEqualTo(TransactionState.APPROVED);
            assertThat(host.received).hasSize(1);
            String hostRequest = new String(IppCodec.payload(host.received.get(0)), StandardCharsets.US_ASCII);
            assertThat(hostRequest).startsWith("TILLGATE-IPP-HOST;").endsWith(";23.00;978");
        }
    }

    @Test
    void withAChainTheDriverFetchesTheCertificatesAndRelaysOverTls(@TempDir Path directory) throws Exception {
        TestCertificates tls = TestCertificates.generate(directory);
        try (FakeHost host = new FakeHost(tls.serverContext(), HOST_ANSWER);
                IppTestBench bench = new IppTestBench(f -> f.withHostRelay(
                        new IppFrontEndConfig.HostRelay("127.0.0.1", host.port(), List.of(tls.certificate()))),
                        t -> t, Duration.ofSeconds(30), Duration.ofSeconds(20))) {
            TransactionRecord sale = bench.sale("24.00");

            assertThat(sale.state()).isEqualTo(TransactionState.APPROVED);
            assertThat(host.received).hasSize(1);
            assertThat(new String(IppCodec.payload(host.received.get(0)), StandardCharsets.US_ASCII))
                    .startsWith("TILLGATE-IPP-HOST;");
            // The certificate is cached: a second payment needs no GET_CERTIFICATE and still relays.
            assertThat(bench.sale("25.00").state()).isEqualTo(TransactionState.APPROVED);
            assertThat(host.received).hasSize(2);
        }
    }

    private static byte[] frame(DataInputStream in) throws Exception {
        int length = in.readUnsignedShort();
        byte[] frame = new byte[length];
        frame[0] = (byte) (length >>> 8);
        frame[1] = (byte) length;
        in.readFully(frame, 2, length - 2);
        return frame;
    }

    private static void reply(OutputStream out, IppRequest request, IppStage stage, String extraLines) throws Exception {
        out.write(withData(request, ("STAGE=" + stage.code() + "\r\nSTATUS=0\r\n" + extraLines)
                .getBytes(StandardCharsets.US_ASCII)));
        out.flush();
    }

    /** A terminal frame echoing the request's header, with {@code tail} appended as raw bytes. */
    private static byte[] withData(IppRequest request, byte[] tail) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("PROTOCOL=IPP\r\nMETHOD=" + request.methodCode() + "\r\nVERSION=200\r\nSID=" + request.sid()
                + "\r\n").getBytes(StandardCharsets.US_ASCII));
        if (!new String(tail, StandardCharsets.ISO_8859_1).startsWith("STAGE=")) {
            body.writeBytes("STAGE=4\r\nSTATUS=0\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(tail);
        byte[] frame = new byte[body.size() + 2];
        frame[0] = (byte) (frame.length >>> 8);
        frame[1] = (byte) frame.length;
        System.arraycopy(body.toByteArray(), 0, frame, 2, body.size());
        return frame;
    }

    private static TerminalListener listener(CompletableFuture<TransactionOutcome> outcome) {
        return new TerminalListener() {
            @Override
            public void onStatus(TerminalStatus status) {
            }

            @Override
            public void onAction(TerminalAction action) {
            }

            @Override
            public void onOutcome(TransactionOutcome result) {
                outcome.complete(result);
            }
        };
    }

}
