package io.tillgate.app.cli;

import io.tillgate.app.config.ConfigException;
import io.tillgate.app.config.ConfigLoader;
import io.tillgate.app.config.EmulatorSettings;
import io.tillgate.app.config.GatewaySettings;
import io.tillgate.app.config.Protocol;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tillgate emulate <protocol>}: a terminal of that protocol, running the simulated card flow. */
@Command(name = "emulate", mixinStandardHelpOptions = true,
        description = {
            "Runs a terminal emulator: Tillgate acting as a Concert, myPOS IPP or nexo terminal, so POS software "
                    + "can be tested without hardware.",
            "The card flow is chosen by the cents of the amount: .00-.90 approved, .91 declined, .92 signature, "
                    + ".93 slow card (abortable where the protocol can), .94 cancelled by the customer, .95 no "
                    + "answer, .96 connection dropped before the answer, .97 partial approval, .98 card read error "
                    + "then approved, .99 terminal error.",
            "Stop it with Ctrl-C (SIGINT) or SIGTERM: a payment under way gets 30 s to finish; a second Ctrl-C "
                    + "stops at once."},
        footer = {"", "Default ports: concert 8888, ipp 7900, nexo 11000.", "", "Examples:",
            "  tillgate emulate concert", "  tillgate emulate concert --speed fast",
            "  tillgate emulate concert --speed fast --quiet-interval-only   (every request waits the quiet interval)",
            "  tillgate emulate ipp --port 7901 --slave",
            "  tillgate emulate nexo --pos-listener http://localhost:11001/EPASSaleToPOI/3.1"})
public final class EmulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROTOCOL", description = "concert, ipp or nexo.")
    private String protocol;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT",
            description = "Port to listen on (default: the protocol's terminal port).")
    private Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "localhost",
            description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    private String host;

    @Option(names = "--speed", paramLabel = "SPEED", defaultValue = "realistic",
            description = "realistic (human timings), fast (for tests), or the time of every step, e.g. 20ms "
                    + "(default: ${DEFAULT-VALUE}).")
    private String speed;

    @Option(names = "--slave",
            description = "ipp: slave mode, the POS relays the terminal's host traffic (STAGE 4).")
    private boolean slave;

    @Option(names = "--pos-listener", paramLabel = "URL",
            description = "nexo: full integration, posting display, print and input requests to this POS listener "
                    + "(default: light integration).")
    private String posListener;

    @Option(names = "--quiet-interval", paramLabel = "DURATION",
            description = "concert: how long after its last byte a request that is not complete at once (it came in "
                    + "pieces, or lacks a tag its action requires) counts as complete; longer suits a POS that writes "
                    + "in pieces (default: 50ms).")
    private String quietInterval;

    @Option(names = "--quiet-interval-only",
            description = "concert: make every request wait for the quiet interval, even one that arrived whole with "
                    + "every tag its action requires (otherwise answered at once); the behaviour before, to compare.")
    private boolean quietIntervalOnly;

    @Override
    public Integer call() throws Exception {
        Protocol emulated;
        try {
            emulated = Protocol.fromConfigName(protocol.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (slave && emulated != Protocol.IPP) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--slave applies to ipp only");
        }
        if (posListener != null && emulated != Protocol.NEXO) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pos-listener applies to nexo only");
        }
        if (quietInterval != null && emulated != Protocol.CONCERT) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--quiet-interval applies to concert only");
        }
        if (quietIntervalOnly && emulated != Protocol.CONCERT) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--quiet-interval-only applies to concert only");
        }
        GatewaySettings settings;
        try {
            settings = EmulatorSettings.of(emulated, host, port, speed, slave, posListener);
            if (quietInterval != null) {
                settings = settings.withConcertQuietInterval(ConfigLoader.quietInterval("--quiet-interval",
                        quietInterval));
            }
            if (quietIntervalOnly) {
                settings = settings.withConcertQuietIntervalOnly(true);
            }
        } catch (ConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "option " + e.key() + ": " + e.problem());
        }
        return RunningGateway.runUntilStopped(settings, null, null, spec.commandLine().getErr());
    }
}
