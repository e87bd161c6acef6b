package io.tillgate.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.app.Gateway;
import io.tillgate.app.TestSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code tillgate pay / refund / query} run in-process against the real gateway over loopback
 * sockets, checking exit codes and what the operator reads.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClientCommandsEndToEndTest {

    private static final Pattern TAG = Pattern.compile(", tag ([0-9a-f-]{36})");
    private static final Pattern ID = Pattern.compile("id=([0-9a-f]{32})");

    @TempDir
    static Path journalDir;

    private static Gateway gateway;

    @BeforeAll
    static void startGateway() {
        gateway = Gateway.start(TestSettings.fastDefault(journalDir)
                .withTransactionTimeout(Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    static Stream<String> urls() {
        return Stream.of(gateway.p3WebSocketUri().toString(), gateway.p3TcpUri().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urls")
    void payApprovedPrintsProgressResultAndReceipt(String url) {
        Run run = run(new PayCommand(), "--url", url, "--amount", "12.00", "--subject", "Coffee");

        assertThat(run.code).as(run.toString()).isZero();
        assertThat(run.out).contains("Paying 12.00 EUR on sim-1 (Simulated terminal 1), tag ")
                .containsPattern("(?m)^  [A-Z_]+  .+$")
                .containsPattern("(?m)^APPROVED 12\\.00 EUR  id=[0-9a-f]{32}  card=[0-9]{6}\\*+[0-9]{4}  auth=\\S+$")
                .contains("Coffee");
        assertThat(run.err).isEmpty();
    }

    @Test
    void payDeclinedExitsWithOne() {
        Run run = pay("--amount", "12.91");

        assertThat(run.code).as(run.toString()).isEqualTo(1);
        assertThat(run.out).containsPattern("(?m)^DECLINED 12\\.91 EUR");
    }

    @Test
    void paySignedOnTheReceipt() {
        Run run = pay("--amount", "12.92", "--signature", "on-receipt", "--merchant-receipt");

        assertThat(run.code).as(run.toString()).isZero();
        assertThat(run.out).contains("Customer signs the printed receipt").containsPattern("(?m)^APPROVED 12\\.92 EUR");
    }

    @Test
    void askingForASignatureWithoutAConsoleFallsBackToTheReceipt() {
        Run run = pay("--amount", "3.92");

        assertThat(run.code).as(run.toString()).isZero();
        assertThat(run.out).contains("no interactive console, so the customer signs the receipt");
    }

    @Test
    void payRecoversTheResultWhenTheConnectionDrops() {
        Run run = pay("--amount", "12.96");

        assertThat(run.code).as(run.toString()).isZero();
        assertThat(run.out).contains("reconnecting to fetch the result").containsPattern("(?m)^APPROVED 12\\.96 EUR");
    }

    @Test
    void payThenQueryByTagAndRefund() {
        Run pay = pay("--amount", "30.00", "--custom-id", "order-77");
        assertThat(pay.code).as(pay.toString()).isZero();
        String tag = group(TAG, pay.out);
        String id = group(ID, pay.out);

        Run byTag = run(new QueryCommand(), "--url", ws(), "--tag", tag);
        assertThat(byTag.code).as(byTag.toString()).isZero();
        assertThat(byTag.out).containsPattern("(?m)^APPROVED 30\\.00 EUR  id=" + id)
                .contains("customIdentifier=order-77");

        Run refund = run(new RefundCommand(), "--url", ws(), "--transaction", id, "--amount", "10.00");
        assertThat(refund.code).as(refund.toString()).isZero();
        assertThat(refund.out).containsPattern("(?m)^APPROVED 10\\.00 EUR  id=[0-9a-f]{32}");

        Run byCustomId = run(new QueryCommand(), "--url", ws(), "--custom-id", "order-77");
        assertThat(byCustomId.code).as(byCustomId.toString()).isZero();
    }

    @Test
    void queryForAnUnknownTagExitsWithOne() {
        Run run = run(new QueryCommand(), "--url", ws(), "--tag", "no-such-tag");

        assertThat(run.code).as(run.toString()).isEqualTo(1);
        assertThat(run.err).contains("no transaction with tag=no-such-tag").contains("TRANSACTION_REFERENCE_NOT_FOUND");
    }

    @Test
    void anUnknownDeviceIsAUsageErrorListingTheDevices() {
        Run run = pay("--amount", "1.00", "--device", "till-9");

        assertThat(run.code).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("unknown device 'till-9'; merchant demo has sim-1 (Simulated terminal 1), "
                + "sim-2 (Simulated terminal 2)");
    }

    @Test
    void aWrongSecretIsALoginErrorThatNeverShowsTheSecret() {
        Run run = pay("--amount", "1.00", "--secret", "open-sesame-42");

        assertThat(run.code).as(run.toString()).isEqualTo(3);
        assertThat(run.err).contains("login failed: SERVER_AUTHENTICATION_FAILED");
        assertThat(run.out + run.err).doesNotContain("open-sesame-42");
    }

    @Test
    void noServerIsAConnectionError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        Run run = run(new QueryCommand(), "--url", "tcp://127.0.0.1:" + port, "--id", "x");

        assertThat(run.code).as(run.toString()).isEqualTo(3);
        assertThat(run.err).contains("cannot connect to tcp://127.0.0.1:" + port);
    }

    @Test
    void tooManyDecimalsIsAUsageErrorNamingAmountAndCurrency() {
        Run eur = pay("--amount", "12.345");
        Run jpy = pay("--amount", "500.5", "--currency", "JPY");

        assertThat(eur.code).isEqualTo(2);
        assertThat(eur.err).contains("--amount 12.345 has more decimals than EUR allows (2)");
        assertThat(jpy.code).isEqualTo(2);
        assertThat(jpy.err).contains("--amount 500.5 has more decimals than JPY allows (0)");
    }

    @Test
    void helpExplainsTheDemoAmountsWithExamples() {
        Run run = run(new PayCommand(), "--help");

        assertThat(run.code).isZero();
        assertThat(run.out).contains(".91 declines").contains(".93 waits 30 s").contains("--signature")
                .contains("tillgate pay --amount 12.00").doesNotContain(ClientOptions.DEMO_SECRET);
        assertThat(run(new QueryCommand(), "--help").out).contains("--tag").contains("Examples:");
        assertThat(run(new RefundCommand(), "--help").out).contains("--transaction").contains("Examples:");
    }

    // ------------------------------------------------------------------------------------------

    private static Run pay(String... args) {
        String[] all = Stream.concat(Stream.of("--url", ws()), Stream.of(args)).toArray(String[]::new);
        return run(new PayCommand(), all);
    }

    private static String ws() {
        return gateway.p3WebSocketUri().toString();
    }

    private static Run run(Callable<Integer> command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("%s in %s", pattern, text).isTrue();
        return m.group(1);
    }

    private record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
