package io.tillgate.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.app.TillgateCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code tillgate emulate} refuses before it starts anything. */
class EmulateCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new TillgateCommand());
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void unknownProtocolListsTheSupportedOnes() {
        assertThat(run("emulate", "zvt")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("unknown protocol 'zvt' (supported: concert, ipp, nexo)");
    }

    @Test
    void protocolSpecificOptionsAreRefusedForOtherProtocols() {
        assertThat(run("emulate", "concert", "--slave")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--slave applies to ipp only");
        assertThat(run("emulate", "ipp", "--pos-listener", "http://localhost:11001/")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--pos-listener applies to nexo only");
        assertThat(run("emulate", "nexo", "--quiet-interval", "5ms")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--quiet-interval applies to concert only");
        assertThat(run("emulate", "ipp", "--quiet-interval-only")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--quiet-interval-only applies to concert only");
    }

    @Test
    void badSpeedAndPortAreNamed() {
        assertThat(run("emulate", "concert", "--speed", "warp")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("option --speed:").contains("warp");
        assertThat(run("emulate", "ipp", "--port", "70000")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("option --port: must be a TCP port 0-65535, was 70000");
        assertThat(run("emulate", "concert", "--quiet-interval", "10s")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("option --quiet-interval: must be at most 5000 ms, was 10s");
    }

    @Test
    void helpNamesTheDefaultPorts() {
        CommandLine commandLine = new CommandLine(new TillgateCommand());
        StringWriter out = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        assertThat(commandLine.execute("emulate", "--help")).isZero();
        assertThat(out.toString()).contains("concert 8888, ipp 7900, nexo 11000").contains("--pos-listener");
    }
}
