package io.tillgate.app.cli;

import io.tillgate.app.TransactionStores;
import io.tillgate.app.config.ConfigException;
import io.tillgate.app.config.ConfigLoader;
import io.tillgate.app.config.GatewaySettings;
import io.tillgate.journal.cluster.ClusterStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tillgate cluster}: the operator's view of several gateways on one PostgreSQL journal. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"Shows the gateways that share the configuration's PostgreSQL journal (docs/cluster.md)."},
        subcommands = {ClusterCommand.Status.class},
        footer = {"", "Example:", "  tillgate cluster status --config node-a.yaml"})
public final class ClusterCommand {

    /** {@code tillgate cluster status}: the nodes, their heartbeats and the terminals each holds. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Lists the nodes with the age of their last heartbeat and the terminals each holds, "
                    + "then every terminal lease with its holder, epoch and time left.",
                "A node is live while its heartbeat is younger than its lease time; a lease with no time left "
                    + "is taken by a live node at its next renewal."})
    static final class Status implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = {"-c", "--config"}, paramLabel = "FILE",
                description = "A node's YAML configuration, for the journal URL (default: the embedded one).")
        private Path config;

        @Option(names = "--json", description = "Print one JSON document (docs/cli-json.md) instead of the tables.")
        private boolean json;

        /** The document of {@code cluster status --json}; on an error only {@code error} is set. */
        record Document(List<JsonNode> nodes, List<JsonLease> leases, JsonError error) {
        }

        record JsonNode(String nodeId, String address, String startedAt, String heartbeatAt, long heartbeatAgeMillis,
                List<String> terminals) {
        }

        record JsonLease(String terminalId, String holder, long epoch, long remainingMillis, boolean live) {
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                ClusterStatus status = read();
                if (json) {
                    JsonOutput.print(out, new Document(status.nodes().stream().map(n -> new JsonNode(n.nodeId(),
                            n.address(), n.startedAt().toString(), n.heartbeatAt().toString(),
                            n.heartbeatAge().toMillis(), status.heldBy(n.nodeId()))).toList(),
                            status.leases().stream().map(l -> new JsonLease(l.terminalId(), l.holder(), l.epoch(),
                                    l.remaining().toMillis(), l.live())).toList(), null));
                    return ExitCodes.OK;
                }
                print(out, status);
                return ExitCodes.OK;
            } catch (CliException e) {
                return JsonOutput.failure(out, spec.commandLine().getErr(), "cluster status", e, json,
                        error -> new Document(null, null, error));
            }
        }

        private ClusterStatus read() throws CliException {
            GatewaySettings settings;
            try {
                settings = config == null ? ConfigLoader.loadDefault() : ConfigLoader.load(config);
            } catch (ConfigException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage());
            }
            if (!settings.journal().url().startsWith("jdbc:postgresql:")) {
                throw new CliException(ExitCodes.USAGE, "the journal " + settings.journal().redactedUrl()
                        + " is not PostgreSQL, so it has no cluster; name a node's configuration with --config");
            }
            try {
                return ClusterStatus.read(TransactionStores.settings(settings.journal()));
            } catch (RuntimeException e) {
                throw new CliException(ExitCodes.CONNECTION, "cannot read the cluster from "
                        + settings.journal().redactedUrl() + ": " + e.getMessage());
            }
        }

        private static void print(PrintWriter out, ClusterStatus status) {
            out.printf("%-20s  %-24s  %-10s  %s%n", "NODE", "ADDRESS", "HEARTBEAT", "TERMINALS");
            for (ClusterStatus.Node node : status.nodes()) {
                out.printf("%-20s  %-24s  %-10s  %s%n", node.nodeId(), node.address() == null ? "-" : node.address(),
                        age(node.heartbeatAge()) + " ago", String.join(" ", status.heldBy(node.nodeId())));
            }
            out.printf("%d node(s)%n%n", status.nodes().size());
            out.printf("%-20s  %-20s  %-6s  %s%n", "TERMINAL", "HOLDER", "EPOCH", "LEASE");
            for (ClusterStatus.Lease lease : status.leases()) {
                out.printf("%-20s  %-20s  %-6d  %s%n", lease.terminalId(), lease.holder(), lease.epoch(),
                        lease.live() ? age(lease.remaining()) + " left" : "ran out " + age(lease.remaining().negated())
                                + " ago");
            }
            out.printf("%d lease(s)%n", status.leases().size());
            out.flush();
        }

        private static String age(Duration duration) {
            long millis = duration.toMillis();
            return millis < 10_000 ? String.format("%.1fs", millis / 1000.0) : (millis / 1000) + "s";
        }
    }
}
