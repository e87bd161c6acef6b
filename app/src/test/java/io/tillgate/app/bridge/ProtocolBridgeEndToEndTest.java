package io.tillgate.app.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.app.EmulatorProcess;
import io.tillgate.app.Gateway;
import io.tillgate.app.LoopbackPorts;
import io.tillgate.app.config.ConfigLoader;
import io.tillgate.app.config.Protocol;
import io.tillgate.core.money.Money;
import io.tillgate.p3.client.ActionRequest;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.TransactionListener;
import io.tillgate.p3.client.TransactionStatus;
import io.tillgate.p3.codec.ExecuteTransactionAction;
import io.tillgate.p3.codec.P3Device;
import io.tillgate.p3.codec.P3Transaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole chain over real sockets and two processes: a P3 client pays on a gateway whose terminal
 * is driven in PROTOCOL, and that terminal is a second gateway process running {@code tillgate
 * emulate PROTOCOL}. The gateway is configured from YAML, as an operator would.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProtocolBridgeEndToEndTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Protocol.class)
    void approvedAndDeclinedThroughTheEmulatorOfEachProtocol(Protocol protocol) throws Exception {
        // A short quiet interval keeps the Concert run quick, and shows the option reaches the front-end.
        String[] options = protocol == Protocol.CONCERT ? new String[] {"--quiet-interval", "5ms"} : new String[0];
        try (EmulatorProcess emulator = EmulatorProcess.start(protocol, dir, options);
             Gateway gateway = Gateway.start(ConfigLoader.load(config(protocol, emulator.port())));
             PayClient client = PayClient.builder(gateway.p3TcpUri()).build()) {
            client.connect().get(5, TimeUnit.SECONDS);
            List<P3Device> devices = client.login("shop", "bridge-test-secret").get(5, TimeUnit.SECONDS);
            assertThat(devices).extracting(P3Device::identifier).containsExactly("t1");

            P3Transaction approved = client.charge(ChargeRequest.of("t1", eur("12.00")), null).outcome()
                    .get(20, TimeUnit.SECONDS).transaction();
            P3Transaction declined = client.charge(ChargeRequest.of("t1", eur("12.91")), null).outcome()
                    .get(20, TimeUnit.SECONDS).transaction();

            assertThat(TransactionStatus.of(approved)).as("12.00 via %s; emulator log:%n%s", protocol,
                    emulator.log()).isEqualTo(TransactionStatus.APPROVED);
            assertThat(approved.amount()).isEqualByComparingTo("12.00");
            assertThat(approved.cardDetails().maskedCardNumber()).matches("[0-9]{6}\\*+[0-9]{4}");
            assertThat(approved.customerReceipt().lines()).isNotEmpty();
            assertThat(TransactionStatus.of(declined)).as("12.91 via %s", protocol)
                    .isEqualTo(TransactionStatus.DECLINED);
            if (protocol == Protocol.CONCERT) {
                assertThat(emulator.log()).contains("a request ends when it holds every tag its CD requires, else after 5 ms"
                        + " without a byte");
            }
        }
    }

    /**
     * nexo full integration across the processes: the emulated terminal posts its displays, receipts
     * and signature check to the gateway's POS listener, and the check reaches the P3 client as
     * CUSTOMER_SIGNATURE; the client's signature confirms it.
     */
    @Test
    void nexoSignatureCheckInFullIntegrationIsAnsweredByTheP3Client() throws Exception {
        int listenerPort = LoopbackPorts.free();
        try (EmulatorProcess emulator = EmulatorProcess.start(Protocol.NEXO, dir, "--pos-listener",
                "http://localhost:" + listenerPort + "/EPASSaleToPOI/3.1");
             Gateway gateway = Gateway.start(ConfigLoader.load(config(Protocol.NEXO, emulator.port(),
                     "nexoListener: {host: 127.0.0.1, port: " + listenerPort + "}\n",
                     ", nexo: {integration: full}")));
             PayClient client = PayClient.builder(gateway.p3TcpUri()).build()) {
            client.connect().get(5, TimeUnit.SECONDS);
            client.login("shop", "bridge-test-secret").get(5, TimeUnit.SECONDS);
            List<String> actions = new CopyOnWriteArrayList<>();

            P3Transaction signed = client.charge(ChargeRequest.of("t1", eur("12.92")), new TransactionListener() {
                @Override
                public void onAction(ActionRequest action) {
                    actions.add(action.rawAction());
                    action.signOnReceipt();
                }
            }).outcome().get(20, TimeUnit.SECONDS).transaction();

            assertThat(actions).as("emulator log:%n%s", emulator.log())
                    .containsExactly(ExecuteTransactionAction.CUSTOMER_SIGNATURE);
            assertThat(TransactionStatus.of(signed)).isEqualTo(TransactionStatus.APPROVED);
        }
    }

    /**
     * IPP slave mode across the processes: the emulated terminal hands its host traffic to the
     * gateway's IPP driver, which relays it to the emulator's acquirer host and back.
     */
    @Test
    void ippSlaveModeHostTrafficIsRelayedByTheGateway() throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start(Protocol.IPP, dir, "--slave");
             Gateway gateway = Gateway.start(ConfigLoader.load(config(Protocol.IPP, emulator.port())));
             PayClient client = PayClient.builder(gateway.p3TcpUri()).build()) {
            client.connect().get(5, TimeUnit.SECONDS);
            client.login("shop", "bridge-test-secret").get(5, TimeUnit.SECONDS);

            P3Transaction approved = client.charge(ChargeRequest.of("t1", eur("7.00")), null)
                    .outcome().get(20, TimeUnit.SECONDS).transaction();

            assertThat(TransactionStatus.of(approved)).as("emulator log:%n%s", emulator.log())
                    .isEqualTo(TransactionStatus.APPROVED);
        }
    }

    private Path config(Protocol protocol, int terminalPort) throws Exception {
        return config(protocol, terminalPort, "", "");
    }

    /** The terminal is named by host name, so every driver's connections go through the gateway's resolver. */
    private Path config(Protocol protocol, int terminalPort, String extraSection, String extraTerminalKeys)
            throws Exception {
        Path file = dir.resolve("tillgate.yaml");
        Files.writeString(file, """
                gateway: {host: 127.0.0.1, transactionTimeout: 20s}
                journal: {url: "jdbc:sqlite:%s"}
                p3: {websocketPort: 0, tcpPort: 0}
                merchants: [{id: shop, secret: bridge-test-secret, terminals: [t1]}]
                %sterminals:
                  - {id: t1, type: %s, host: localhost, port: %d%s}
                """.formatted(dir.resolve("journal.db"), extraSection, protocol.configName(), terminalPort,
                extraTerminalKeys));
        return file;
    }

    private static Money eur(String major) {
        return Money.ofMajor(major, "EUR");
    }
}
