package io.tillgate.app.cli;

import io.tillgate.transport.LocalCa;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tillgate cert}: a development CA and the certificates TLS needs, like mkcert, so TLS can be
 * tried on a laptop or a test network. A production gateway uses certificates from the shop's CA.
 */
@Command(name = "cert", mixinStandardHelpOptions = true,
        description = {"Creates a local CA for development and a server certificate signed by it (and client "
                + "certificates for mutual TLS), as PEM files: ca.pem, server.pem, server-key.pem, "
                + "client-NAME.pem, client-NAME-key.pem. Keys are readable by their owner only.",
            "An existing CA in the folder is reused, so clients that trust it go on trusting the gateway."},
        footer = {"", "Examples:", "  tillgate cert",
            "  tillgate cert --dir certs --host till-server.local --host 192.168.1.10",
            "  tillgate cert --client demo        # a client certificate for merchant demo (mutual TLS)"})
public final class CertCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--dir", paramLabel = "FOLDER", defaultValue = "certs",
            description = "Where the files go. Default: ${DEFAULT-VALUE}.")
    private Path dir;

    @Option(names = "--host", paramLabel = "NAME",
            description = "A host name or IP address the gateway is reached by; repeat for several. Default: "
                    + "localhost, 127.0.0.1 and ::1.")
    private List<String> hosts = new ArrayList<>();

    @Option(names = "--client", paramLabel = "NAME",
            description = "Also issue a client certificate with this common name; repeat for several.")
    private List<String> clients = new ArrayList<>();

    @Option(names = "--no-server", description = "Issue no server certificate (only --client ones).")
    private boolean noServer;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            boolean existing = Files.exists(dir.resolve(LocalCa.CA_CERTIFICATE));
            LocalCa ca = existing ? LocalCa.open(dir) : LocalCa.create(dir, "Tillgate development CA");
            out.printf("%s CA %s%n", existing ? "Using the" : "Created a", ca.caCertificate());
            if (!noServer) {
                Path server = dir.resolve(LocalCa.SERVER_CERTIFICATE);
                if (Files.exists(server)) {
                    throw new CliException(ExitCodes.USAGE, server + " exists already; delete it and "
                            + dir.resolve(LocalCa.SERVER_KEY) + " to issue a new one");
                }
                List<String> names = hosts.isEmpty() ? List.of("localhost", "127.0.0.1", "::1") : hosts;
                ca.issueServer(names);
                out.printf("Issued %s and %s for %s%n", server, dir.resolve(LocalCa.SERVER_KEY),
                        String.join(", ", names));
            }
            for (String client : clients) {
                out.printf("Issued client certificate %s%n", ca.issueClient(client));
            }
            out.printf("%nIn tillgate.yaml:%n  tls:%n    certificate: %s%n    key: %s%n",
                    dir.resolve(LocalCa.SERVER_CERTIFICATE), dir.resolve(LocalCa.SERVER_KEY));
            if (!clients.isEmpty()) {
                out.printf("    clientCa: %s            # require client certificates (mutual TLS)%n",
                        ca.caCertificate());
            }
            out.printf("%nTrust %s where clients connect:%n"
                    + "  tillgate pay --url wss://localhost:8080/p3 --trust %s --amount 12.00%n"
                    + "  Java: PayClient.builder(URI.create(\"wss://localhost:8080/p3\")).trust(Path.of(\"%s\"))%n"
                    + "  browsers and curl: import %s as a certificate authority (curl --cacert %s)%n",
                    ca.caCertificate(), ca.caCertificate(), ca.caCertificate(), ca.caCertificate(),
                    ca.caCertificate());
            out.flush();
            return ExitCodes.OK;
        } catch (CliException e) {
            spec.commandLine().getErr().println("tillgate cert: " + e.getMessage());
            return e.exitCode();
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("tillgate cert: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
