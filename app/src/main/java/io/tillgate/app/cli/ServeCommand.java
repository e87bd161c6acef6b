package io.tillgate.app.cli;

import io.tillgate.app.config.ConfigException;
import io.tillgate.app.config.ConfigLoader;
import io.tillgate.app.config.GatewaySettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tillgate serve}: runs the gateway until it is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Runs the gateway: the P3 PayServer (WebSocket and framed TCP) and the configured Concert, IPP and nexo "
                    + "front-ends, in front of the configured terminals (simulated, or real Concert, myPOS and nexo "
                    + "terminals).",
            "Without --config it starts the embedded default: merchant 'demo' (secret tillgate-demo-secret) "
                    + "and two simulated terminals, sim-1 and sim-2, on ws://localhost:8080/p3 and tcp://localhost:8081.",
            "Stop it with Ctrl-C (SIGINT) or SIGTERM: new transactions are refused at once, running ones get up to "
                    + "gateway.drainTime (30 s by default) to finish, then it exits. A second Ctrl-C or SIGTERM stops "
                    + "at once; what still runs is recovered at the next start.",
            "SIGHUP (or 'tillgate reload') reads the --config file again and applies its merchants, terminals and "
                    + "front-ends without dropping a running transaction; an invalid file is refused and the running "
                    + "configuration stays."},
        footer = {"", "Examples:", "  tillgate serve", "  tillgate serve --config tillgate.yaml",
            "  tillgate serve --print-default-config > tillgate.yaml",
            "  tillgate serve --config tillgate.yaml --pid-file run/tillgate.pid   (then: tillgate reload --pid-file "
                    + "run/tillgate.pid)",
            "", "To run a terminal emulator instead, see: tillgate emulate --help"})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "YAML configuration file (default: the embedded demo configuration).")
    private Path config;

    @Option(names = "--pid-file", paramLabel = "FILE",
            description = "Write the process id here while the gateway runs, for 'tillgate reload --pid-file FILE'.")
    private Path pidFile;

    @Option(names = "--print-default-config",
            description = "Print the embedded default configuration, with every key documented, and exit.")
    private boolean printDefault;

    @Override
    public Integer call() throws Exception {
        if (printDefault) {
            return printDefaultConfig();
        }
        GatewaySettings settings;
        try {
            settings = config == null ? ConfigLoader.loadDefault() : ConfigLoader.load(config);
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("tillgate: " + e.getMessage());
            return 2;
        }
        return RunningGateway.runUntilStopped(settings, config, pidFile, spec.commandLine().getErr());
    }

    private int printDefaultConfig() throws IOException {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(ConfigLoader.DEFAULT_RESOURCE)) {
            spec.commandLine().getOut().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
