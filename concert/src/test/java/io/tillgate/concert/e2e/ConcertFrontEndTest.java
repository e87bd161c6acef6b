package io.tillgate.concert.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.concert.codec.ConcertAnswer;
import io.tillgate.concert.codec.ConcertSamples;
import io.tillgate.concert.codec.TlvDecoder;
import io.tillgate.concert.frontend.ConcertFrontEnd;
import io.tillgate.concert.frontend.ConcertFrontEndConfig;
import io.tillgate.core.service.PaymentService;
import io.tillgate.core.transaction.InMemoryTransactionStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The emulator as a cash register sees it on the wire: answers byte for byte. */
@Timeout(value = 15, unit = TimeUnit.SECONDS)
class ConcertFrontEndTest {

    /** CZ, CJ and CA as the akretion client sends them. */
    private static final String HEAD = "CZ0040300CJ012" + "012345678901CA00201";

    private ConcertEmulator emulator;

    @BeforeEach
    void start() {
        emulator = new ConcertEmulator();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private String exchange(String request) throws Exception {
        return RawPos.exchange(emulator.address(), request);
    }

    @Test
    void identificationIsAnsweredDirectlyEchoingTheRequest() throws Exception {
        assertThat(exchange(HEAD + "CD001I")).isEqualTo(HEAD + "CD001IAE00210");
    }

    @Test
    void aGatewayThatIsShuttingDownRefusesADebitAsABusyTerminalDoesButStillIdentifies() throws Exception {
        emulator.payments().stopAdmitting();

        String debit = ConcertSamples.REQUESTS.get(0);
        assertThat(exchange(debit)).isEqualTo(debit + "AE00201AF00207");
        assertThat(exchange(HEAD + "CD001I")).isEqualTo(HEAD + "CD001IAE00210");
        assertThat(emulator.store().findSince(Instant.EPOCH)).isEmpty();
    }

    @Test
    void identificationWhileAPaymentRunsIsAnsweredBusy() throws Exception {
        String debit = HEAD + "CE003978BA0010CD0010CB0041093";
        try (RawPos register = new RawPos(emulator.address())) {
            register.write(debit);
            awaitRunningPayment();

            assertThat(exchange(HEAD + "CD001I")).isEqualTo(HEAD + "CD001IAE00201AF00207");
            assertThat(register.readToClose()).startsWith(debit + "AE00210");
        }
        assertThat(exchange(HEAD + "CD001I")).isEqualTo(HEAD + "CD001IAE00210");
    }

    /** Polls the gateway (not the protocol under test) until the emulated terminal runs a payment. */
    private void awaitRunningPayment() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (emulator.payments().runningTransaction(ConcertEmulator.TERMINAL).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the payment never started");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void akretionDebitIsAnsweredInTheNotesShape() throws Exception {
        String answer = exchange(ConcertSamples.REQUESTS.get(0));

        assertThat(answer).startsWith(ConcertSamples.REQUESTS.get(0) + "AE00210CC003001CI0011AC006");
        assertThat(answer).matches(".*AA016[0-9]{6}\\*{6}[0-9]{4}AL0011AI0[0-9]{2}A0+[0-9]+CG0071234567$");
        ConcertAnswer decoded = ConcertAnswer.from(TlvDecoder.decode(answer.getBytes(StandardCharsets.US_ASCII)));
        assertThat(decoded.amountMinorUnits()).isEqualTo(11245);
    }

    @Test
    void aMissingRequiredTagIsAFormatError() throws Exception {
        String request = HEAD + "CE003978BA0010CD0010";
        assertThat(exchange(request)).isEqualTo(request + "AE00201AF00209");
        assertThat(exchange("CZ0040320CA00201CD001I")).isEqualTo("CZ0040320CA00201CD001IAE00201AF00209");
    }

    @Test
    void anUnknownActionIsRefusedWith12() throws Exception {
        String request = HEAD + "CE003978CD001XCB0041000";
        assertThat(exchange(request)).isEqualTo(request + "AE00201AF00212");
    }

    @Test
    void anUnsupportedCurrencyIsRefusedWith13() throws Exception {
        String usd = HEAD + "CE003840BA0010CD0010CB0041000";
        assertThat(exchange(usd)).isEqualTo(usd + "AE00201AF00213");
        String notACurrency = HEAD + "CE003999BA0010CD0010CB0041000";
        assertThat(exchange(notACurrency)).isEqualTo(notACurrency + "AE00201AF00213");
    }

    @Test
    void aZeroAmountIsAFormatError() throws Exception {
        String request = HEAD + "CB00200CD0010CE003978";
        assertThat(exchange(request)).isEqualTo(request + "AE00201AF00209");
    }

    @Test
    void unreadableBytesAreAFormatError() throws Exception {
        assertThat(exchange("GET / HTTP/1.1\r\n\r\n")).isEqualTo("CZ0040320AE00201AF00209");
        assertThat(exchange("CJ012" + "012345678901CZ0040320")).isEqualTo("CZ0040320AE00201AF00209");
    }

    @Test
    void anOversizedRequestIsAFormatError() throws Exception {
        String huge = "CZ0040320" + ("CF999" + "x".repeat(999)).repeat(17);
        try (RawPos pos = new RawPos(emulator.address())) {
            assertThat(pos.write(huge).readToClose()).isEqualTo("CZ0040320AE00201AF00209");
        }
    }

    @Test
    void aRequestSplitOverSeveralWritesIsOneRequest() throws Exception {
        String request = HEAD + "CD001I";
        try (RawPos pos = new RawPos(emulator.address())) {
            pos.write(request.substring(0, 3)).write(request.substring(3, 20)).write(request.substring(20));
            assertThat(pos.readToClose()).isEqualTo(request + "AE00210");
        }
    }

    @Test
    void theRequestsCzIsEchoed() throws Exception {
        assertThat(exchange("CZ0040301CJ012" + "330538600404CA00201CD001I"))
                .isEqualTo("CZ0040301CJ012" + "330538600404CA00201CD001IAE00210");
    }

    @Test
    void ticketsComeBackInZtOnlyWhenAskedAndShopperContactIsNotEchoed() throws Exception {
        String request = ConcertSamples.REQUESTS.get(5).replace("CZ0040310", "CZ0040320");

        String answer = exchange(request);

        ConcertAnswer decoded = ConcertAnswer.from(TlvDecoder.decode(answer.getBytes(StandardCharsets.US_ASCII)));
        assertThat(decoded.tickets()).hasSize(2);
        assertThat(decoded.tickets().get(0).lines()).contains("Merchant Receipt")
                .anySatisfy(line -> assertThat(line).contains("Refund"));
        assertThat(answer).doesNotContain("BH011").doesNotContain("BI020").doesNotContain("CK003120");
        assertThat(exchange(ConcertSamples.REQUESTS.get(0))).doesNotContain("ZT");
    }

    @Test
    void immediateModeIsAcknowledgedAtOnce() throws Exception {
        String request = HEAD + "CB0041000CD0010CE003978BA0011";
        assertThat(exchange(request)).isEqualTo(request + "AE00211");
    }

    @Test
    void aConnectionWithoutARequestIsClosedAfterTheIdleTimeout() throws Exception {
        PaymentService payments = new PaymentService(List.of(), new InMemoryTransactionStore());
        try (ConcertFrontEnd idle = new ConcertFrontEnd(ConcertFrontEndConfig.defaults("demo", "none")
                .withBind("127.0.0.1", 0).withTimeouts(Duration.ofMillis(20), Duration.ofMillis(300)), payments);
                RawPos pos = new RawPos(idle.start())) {
            pos.write("CZ00403");
            assertThat(pos.readToClose()).isEmpty();
        } finally {
            payments.close();
        }
    }

    @Test
    void aPortInUseIsNamed() {
        int port = emulator.address().getPort();
        PaymentService payments = new PaymentService(List.of(), new InMemoryTransactionStore());
        try (ConcertFrontEnd second = new ConcertFrontEnd(ConcertFrontEndConfig.defaults("demo", "none")
                .withBind("127.0.0.1", port), payments)) {
            assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Concert front-end for terminal none port " + port + " on 127.0.0.1 is already in use");
        } finally {
            payments.close();
        }
    }

    @Test
    void configurationNamesTheBadSetting() {
        ConcertFrontEndConfig defaults = ConcertFrontEndConfig.defaults("demo", "t1");
        assertThat(defaults.port()).isEqualTo(8888);
        assertThat(defaults.bindHost()).isEqualTo("localhost");
        assertThatThrownBy(() -> defaults.withBind("localhost", 70000)).hasMessage("port must be between 0 and 65535 (0 for any free port), was 70000");
        assertThatThrownBy(() -> ConcertFrontEndConfig.defaults(" ", "t1")).hasMessage("merchantId must not be empty");
        assertThatThrownBy(() -> defaults.withCurrencies(Set.of()))
                .hasMessage("currencies must name at least one currency");
        assertThatThrownBy(() -> defaults.withTimeouts(Duration.ofSeconds(9), Duration.ofSeconds(1)))
                .hasMessage("quietInterval must be 0..5s, was PT9S");
        assertThatThrownBy(() -> defaults.withContractNumber("12345678901"))
                .hasMessage("contractNumber must be 1..10 printable ASCII characters, was '12345678901'");
    }
}
