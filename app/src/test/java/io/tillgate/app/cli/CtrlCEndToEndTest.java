package io.tillgate.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tillgate.app.Gateway;
import io.tillgate.app.TestSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Ctrl-C during {@code tillgate pay}, with a real SIGINT sent to this JVM (POSIX only). Signals are
 * sent only once the command has printed a progress update, i.e. after its handler is installed;
 * without the handler the signal would end the test JVM.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CtrlCEndToEndTest {

    @TempDir
    static Path journalDir;

    private static Gateway gateway;

    @BeforeAll
    static void startGateway() {
        assumeTrue(Files.isExecutable(Path.of("/bin/kill")), "needs /bin/kill to send SIGINT");
        gateway = Gateway.start(TestSettings.fastDefault(journalDir)
                .withTransactionTimeout(Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void ctrlCWhileAbortableAbortsAndWaitsForTheResult() throws Exception {
        StringWriter out = new StringWriter();
        CompletableFuture<Integer> pay = payInBackground(out, "12.93");

        awaitOutput(out, text -> text.contains("WAITING_FOR_CARD_PRESENTATION") && text.contains("[abortable]"));
        sigint();

        assertThat(pay.get(10, TimeUnit.SECONDS)).as(out.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("Abort requested…").containsPattern("(?m)^ABORTED 12\\.93 EUR");
    }

    @Test
    void aSecondCtrlCStopsWaitingAndNamesTheTag() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> pay = payInBackground(out, err, "12.95");

        awaitOutput(out, text -> text.contains("\n  CONNECTING_TO_ACCESSORY"));
        sigint();
        awaitOutput(out, text -> text.contains("Abort requested…") || text.contains("can no longer be aborted"));
        sigint();

        assertThat(pay.get(10, TimeUnit.SECONDS)).as(out + "\n" + err).isEqualTo(130);
        assertThat(err.toString()).contains("stopped waiting").containsPattern("tillgate query --tag [0-9a-f-]{36}");
    }

    private static CompletableFuture<Integer> payInBackground(StringWriter out, String amount) {
        return payInBackground(out, new StringWriter(), amount);
    }

    private static CompletableFuture<Integer> payInBackground(StringWriter out, StringWriter err, String amount) {
        CommandLine pay = new CommandLine(new PayCommand())
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        return CompletableFuture.supplyAsync(() -> pay.execute(
                "--url", gateway.p3TcpUri().toString(), "--amount", amount, "--device", "sim-2"));
    }

    private static void awaitOutput(StringWriter out, Predicate<String> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.test(out.toString())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("output never got there:\n" + out);
            }
            Thread.sleep(10);
        }
    }

    private static void sigint() throws Exception {
        Process kill = new ProcessBuilder("/bin/kill", "-INT", Long.toString(ProcessHandle.current().pid())).start();
        assertThat(kill.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }
}
