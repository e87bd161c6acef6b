package io.tillgate.app.reload;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.app.LoopbackPorts;
import io.tillgate.app.ServeProcess;
import io.tillgate.app.TillgateCommand;
import io.tillgate.core.money.Money;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.TransactionListener;
import io.tillgate.p3.client.TransactionStatus;
import io.tillgate.p3.codec.P3Device;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A real {@code tillgate serve --pid-file} process: SIGHUP reloads its configuration file, {@code
 * tillgate reload --pid-file} sends that signal, a broken file is refused in the log at ERROR with the
 * file and the problem while payments go on, and node-level changes are reported as needing a restart.
 */
class ReloadSignalEndToEndTest {

    private static final String MERCHANT = "shop";
    private static final String SECRET = "reload-signal-secret";

    @TempDir
    Path dir;

    private final int tcpPort = LoopbackPorts.free();
    private final int webSocketPort = LoopbackPorts.free();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void sighupAndTillgateReloadReadTheFileAgainAndABrokenOneChangesNothing() throws Exception {
        Path config = dir.resolve("tillgate.yaml");
        Path pidFile = dir.resolve("run").resolve("tillgate.pid");
        Files.writeString(config, config("5s", "[t1]", "t1"));
        try (ServeProcess gateway = ServeProcess.start(config, dir.resolve("gateway.log"), tcpPort,
                "--pid-file", pidFile.toString())) {
            assertThat(Files.readString(pidFile).strip()).isEqualTo(Long.toString(gateway.pid()));

            Files.writeString(config, config("5s", "[t1, t2]", "t1", "t2"));
            gateway.hangUp();
            gateway.awaitLogLine(line -> line.contains("configuration reloaded (generation 2): terminals +t2; "
                    + "merchants ~shop"), Duration.ofSeconds(20));
            // The path is compared by its name only: the log masks any long run of digits, as a temporary folder has.
            assertThat(gateway.log()).containsPattern("SIGHUP: reloading the configuration from \\S+/tillgate.yaml");
            assertThat(payOn("t2")).isEqualTo(TransactionStatus.APPROVED);

            Files.writeString(config, config("5s", "[t1, t2]", "t1", "t1"));
            Result sent = tillgate("reload", "--pid-file", pidFile.toString());
            assertThat(sent.exitCode()).as(sent.err()).isZero();
            assertThat(sent.out()).contains("sent SIGHUP to tillgate serve (pid " + gateway.pid() + ")");
            assertThat(gateway.awaitLogLine(line -> line.contains("configuration reload refused"),
                    Duration.ofSeconds(20))).contains("ERROR")
                    .containsPattern("configuration reload refused: \\S+/tillgate.yaml: config key "
                            + "'terminals\\[1\\].id': terminal 't1' is defined twice; the running configuration "
                            + "\\(generation 2\\) stays in force");
            assertThat(payOn("t2")).as("the old configuration is still in force").isEqualTo(TransactionStatus.APPROVED);

            Files.writeString(config, config("9s", "[t1]", "t1"));
            assertThat(tillgate("reload", "--pid", Long.toString(gateway.pid())).exitCode()).isZero();
            gateway.awaitLogLine(line -> line.contains("configuration reloaded (generation 3): terminals -t2; "
                    + "merchants ~shop"), Duration.ofSeconds(20));
            gateway.awaitLogLine(line -> line.contains("configuration reload: gateway.drainTime changed but take(s) "
                    + "effect only after a restart"), Duration.ofSeconds(5));
            gateway.awaitLogLine(line -> line.contains("terminal t2 removed and closed"), Duration.ofSeconds(10));
            assertThat(devices()).containsExactly("t1");

            gateway.terminate();
            assertThat(gateway.awaitExit(Duration.ofSeconds(30))).as(gateway.tail(20)).isZero();
        }
        assertThat(pidFile).as("deleted on exit").doesNotExist();
        Result notRunning = tillgate("reload", "--pid-file", pidFile.toString());
        assertThat(notRunning.exitCode()).isEqualTo(1);
        assertThat(notRunning.err()).contains("tillgate reload: no pid file " + pidFile.toAbsolutePath()
                + ": is the gateway running, and was it started with --pid-file " + pidFile + "?");

        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(pidFile, other.pid() + "\n");
            Result refused = tillgate("reload", "--pid-file", pidFile.toString());
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("tillgate reload: process " + other.pid() + " is not a 'tillgate "
                    + "serve'; is the pid file left over from a gateway that is no longer running?");
            assertThat(other.isAlive()).as("not signalled").isTrue();
        } finally {
            other.destroyForcibly();
        }
    }

    private TransactionStatus payOn(String terminal) throws Exception {
        try (PayClient pos = client()) {
            return pos.charge(ChargeRequest.of(terminal, Money.ofMajor("12.00", "EUR")), TransactionListener.NONE)
                    .await(Duration.ofSeconds(15)).status();
        }
    }

    private List<String> devices() throws Exception {
        try (PayClient pos = client()) {
            return pos.devices().stream().map(P3Device::identifier).toList();
        }
    }

    private PayClient client() throws Exception {
        PayClient pos = PayClient.builder(URI.create("tcp://127.0.0.1:" + tcpPort)).build();
        pos.connect().get(5, TimeUnit.SECONDS);
        pos.login(MERCHANT, SECRET).get(5, TimeUnit.SECONDS);
        return pos;
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result tillgate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new TillgateCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private String config(String drainTime, String merchantTerminals, String... terminals) {
        StringBuilder list = new StringBuilder();
        for (String id : terminals) {
            list.append("  - {id: ").append(id).append(", speed: fast}\n");
        }
        return """
                gateway:
                  host: 127.0.0.1
                  drainTime: %s
                journal:
                  url: jdbc:sqlite:%s
                p3:
                  websocketPort: %d
                  tcpPort: %d
                merchants:
                  - {id: %s, secret: %s, terminals: %s}
                terminals:
                %s""".formatted(drainTime, dir.resolve("journal.db").toAbsolutePath(), webSocketPort, tcpPort,
                MERCHANT, SECRET, merchantTerminals, list);
    }
}
