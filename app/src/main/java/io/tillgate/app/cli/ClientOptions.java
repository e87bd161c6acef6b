package io.tillgate.app.cli;

import io.tillgate.p3.client.P3ErrorException;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.PayClientException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every client command shares: where the PayServer is and who logs in. The secret's
 * default is never shown in help or output.
 */
public final class ClientOptions {

    /** The demo merchant's secret in the embedded default configuration. */
    static final String DEMO_SECRET = "tillgate-demo-secret";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "ws://localhost:8080/p3",
            description = {"PayServer address: ws://host:port/p3 (WebSocket) or tcp://host:port (framed TCP); "
                    + "wss:// and tls:// for the same over TLS.", "Default: ${DEFAULT-VALUE}"})
    private URI url;

    @Option(names = "--trust", paramLabel = "FILE",
            description = "With wss:// or tls://: trust only the CA certificate(s) in this PEM file (the gateway's "
                    + "own CA, e.g. certs/ca.pem from tillgate cert) instead of the system's CAs.")
    private Path trust;

    @Option(names = "--client-certificate", paramLabel = "FILE",
            description = "With wss:// or tls:// to a gateway that requires client certificates: this PEM "
                    + "certificate, with --client-key.")
    private Path clientCertificate;

    @Option(names = "--client-key", paramLabel = "FILE", description = "The PEM (PKCS#8) key of --client-certificate.")
    private Path clientKey;

    @Option(names = "--merchant", paramLabel = "ID", defaultValue = "demo",
            description = "Merchant to log in as. Default: ${DEFAULT-VALUE}.")
    private String merchant;

    @Option(names = "--secret", paramLabel = "SECRET", defaultValue = "${env:TILLGATE_SECRET:-" + DEMO_SECRET + "}",
            description = "Merchant secret. Default: the TILLGATE_SECRET environment variable, else the demo "
                    + "merchant's secret. Prefer the variable: command lines are visible to other users.")
    private String secret;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "How long connecting may take. Default: ${DEFAULT-VALUE} s.")
    private int timeoutSeconds;

    /**
     * Connects and logs in.
     *
     * @throws ParameterException for a malformed --url or --timeout
     * @throws CliException with {@link ExitCodes#CONNECTION} when connecting or the login fails
     */
    PayClient connect() throws CliException {
        if (timeoutSeconds < 1) {
            throw new ParameterException(mixee.commandLine(),
                    "--timeout must be at least 1 second, got " + timeoutSeconds);
        }
        if ((clientCertificate == null) != (clientKey == null)) {
            throw new ParameterException(mixee.commandLine(), "--client-certificate and --client-key go together");
        }
        PayClient.Builder builder;
        try {
            builder = PayClient.builder(url).connectTimeout(Duration.ofSeconds(timeoutSeconds));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), "--url: " + e.getMessage());
        }
        try {
            if (clientCertificate != null) {
                builder.clientCertificate(trust, clientCertificate, clientKey);
            } else if (trust != null) {
                builder.trust(trust);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage());
        }
        PayClient client = builder.build();
        try {
            await(client.connect());
            await(client.login(merchant, secret));
            return client;
        } catch (CliException e) {
            client.close();
            throw e;
        }
    }

    String merchant() {
        return merchant;
    }

    /** Waits for a short client call; its failure becomes a connection-class {@link CliException}. */
    static <T> T await(CompletableFuture<T> call) throws CliException {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.INTERRUPTED, "interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof P3ErrorException error) {
                throw new CliException(ExitCodes.CONNECTION, error.getMessage(), error.rawType());
            }
            if (cause instanceof PayClientException) {
                throw new CliException(ExitCodes.CONNECTION, cause.getMessage());
            }
            throw new IllegalStateException("unexpected client failure", cause);
        }
    }
}
