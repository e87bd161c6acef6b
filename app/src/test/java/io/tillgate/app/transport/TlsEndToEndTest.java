package io.tillgate.app.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillgate.admin.auth.PasswordHashes;
import io.tillgate.app.Gateway;
import io.tillgate.app.LoopbackPorts;
import io.tillgate.app.config.ConfigLoader;
import io.tillgate.core.money.Money;
import io.tillgate.p3.client.ActionRequest;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.P3ErrorException;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.TransactionListener;
import io.tillgate.p3.client.TransactionStatus;
import io.tillgate.p3.codec.ExecuteTransactionAction;
import io.tillgate.p3.codec.P3Transaction;
import io.tillgate.transport.LocalCa;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS end to end, configured as a user would (a {@code tls:} section naming the PEM files that
 * {@code tillgate cert} makes): P3 over {@code wss://} and {@code tls://} with PayClient, mutual TLS,
 * a client that trusts another CA, and a nexo payment with the driver calling an HTTPS terminal
 * that posts back to the gateway's HTTPS POS listener.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsEndToEndTest {

    private static final String SECRET = "tls-test-secret-1";

    @TempDir
    Path dir;

    private LocalCa ca;
    private Path certs;

    @BeforeEach
    void makeCertificates() throws IOException {
        certs = dir.resolve("certs");
        ca = LocalCa.create(certs, "Test CA");
        ca.issueServer(List.of("localhost", "127.0.0.1"));
    }

    @Test
    void aP3PaymentOverWssAndOverTlsTcp() throws Exception {
        try (Gateway gateway = Gateway.start(ConfigLoader.load(config(tls(null), "", "")))) {
            assertThat(gateway.p3WebSocketUri().getScheme()).isEqualTo("wss");
            assertThat(gateway.p3TcpUri().getScheme()).isEqualTo("tls");
            for (URI uri : List.of(gateway.p3WebSocketUri(), gateway.p3TcpUri())) {
                try (PayClient client = PayClient.builder(uri).trust(ca.caCertificate()).build()) {
                    assertThat(TransactionStatus.of(pay(client, "12.00"))).as("over %s", uri)
                            .isEqualTo(TransactionStatus.APPROVED);
                }
            }
        }
    }

    @Test
    void theAdminListenerSpeaksHttpsAndItsSessionCookieIsSecure() throws Exception {
        String hash = PasswordHashes.hash("admin-tls-password".toCharArray(), 10);
        String admin = "admin: {port: 0, accounts: [{name: alice, role: operator, passwordHash: \"" + hash + "\"}]}\n";
        try (Gateway gateway = Gateway.start(ConfigLoader.load(config(tls(null), admin, "")))) {
            assertThat(gateway.adminUri().getScheme()).isEqualTo("https");
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            try (InputStream pem = Files.newInputStream(ca.caCertificate())) {
                trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            HttpClient http = HttpClient.newBuilder().sslContext(tls).build();
            URI base = gateway.adminUri();
            assertThat(http.send(HttpRequest.newBuilder(base.resolve("/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(base.resolve("/api/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"alice\",\"password\":\"admin-tls-password\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).isEqualTo(200);
            assertThat(signIn.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                    cookie -> assertThat(cookie).contains("Secure", "SameSite=Strict"));
        }
    }

    @Test
    void aClientThatTrustsAnotherCaIsRefused() throws Exception {
        LocalCa other = LocalCa.create(dir.resolve("other"), "Other CA");
        try (Gateway gateway = Gateway.start(ConfigLoader.load(config(tls(null), "", "")));
                PayClient client = PayClient.builder(gateway.p3WebSocketUri()).trust(other.caCertificate())
                        .build();
                PayClient plaintext = PayClient.builder(URI.create("ws://" + gateway.p3WebSocketUri().getAuthority()
                        + "/p3")).build()) {
            assertThatThrownBy(() -> client.connect().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
            assertThatThrownBy(() -> plaintext.connect().get(10, TimeUnit.SECONDS))
                    .as("plain ws:// to a TLS port").isInstanceOf(ExecutionException.class);
        }
    }

    /** A client certificate's common name is the merchant it may log in as. */
    @Test
    void mutualTlsAdmitsOnlyClientsWithACertificateOfTheClientCaAndMapsItToItsMerchant() throws Exception {
        Path shopCertificate = ca.issueClient("shop");
        Path otherCertificate = ca.issueClient("other-shop");
        try (Gateway gateway = Gateway.start(ConfigLoader.load(config(tls(ca.caCertificate()), "", "")));
                PayClient anonymous = PayClient.builder(gateway.p3TcpUri()).trust(ca.caCertificate()).build();
                PayClient other = PayClient.builder(gateway.p3WebSocketUri()).clientCertificate(ca.caCertificate(),
                        otherCertificate, certs.resolve("client-other-shop-key.pem")).build();
                PayClient shop = PayClient.builder(gateway.p3TcpUri()).clientCertificate(ca.caCertificate(),
                        shopCertificate, certs.resolve("client-shop-key.pem")).build()) {
            assertThatThrownBy(() -> {
                anonymous.connect().get(10, TimeUnit.SECONDS);
                anonymous.login("shop", SECRET).get(10, TimeUnit.SECONDS);
            }).isInstanceOf(ExecutionException.class);
            other.connect().get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> other.login("shop", SECRET).get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(P3ErrorException.class, e -> {
                        assertThat(e.rawType()).isEqualTo("SERVER_AUTHENTICATION_FAILED");
                        assertThat(e.error().developerMessage()).contains("client certificate", "other-shop");
                    });
            assertThat(TransactionStatus.of(pay(shop, "12.00"))).isEqualTo(TransactionStatus.APPROVED);
        }
    }

    /**
     * Two gateways as a shop would run them: one emulates a nexo terminal over HTTPS and posts its
     * signature check to the other's HTTPS POS listener; the other drives it with {@code tls: true}.
     * The check reaches the P3 client, whose signature confirms the payment.
     */
    @Test
    void aNexoPaymentOverHttpsBothWays() throws Exception {
        int terminalPort = LoopbackPorts.free();
        int listenerPort = LoopbackPorts.free();
        Path emulator = write("emulator.yaml", """
                gateway: {host: 127.0.0.1}
                journal: {url: memory}
                p3: {enabled: false}
                %s
                merchants: [{id: shop, secret: %s, terminals: [sim]}]
                terminals: [{id: sim, speed: fast}]
                frontEnds:
                  - {protocol: nexo, terminal: sim, port: %d, posListener: "https://127.0.0.1:%d/EPASSaleToPOI/3.1",
                     posListenerTrust: %s}
                """.formatted(tls(null), SECRET, terminalPort, listenerPort, ca.caCertificate()));
        Path shop = config(tls(null), "nexoListener: {port: " + listenerPort + "}\n",
                "  - {id: pax, type: nexo, host: 127.0.0.1, port: " + terminalPort + ", nexo: {integration: full, "
                        + "tls: true, trust: " + ca.caCertificate() + "}}\n");
        try (Gateway ignored = Gateway.start(ConfigLoader.load(emulator));
                Gateway gateway = Gateway.start(ConfigLoader.load(shop));
                PayClient client = PayClient.builder(gateway.p3TcpUri()).trust(ca.caCertificate()).build()) {
            client.connect().get(10, TimeUnit.SECONDS);
            client.login("shop", SECRET).get(10, TimeUnit.SECONDS);
            List<String> actions = new CopyOnWriteArrayList<>();

            P3Transaction signed = client.charge(ChargeRequest.of("pax", Money.ofMajor("12.92", "EUR")),
                    new TransactionListener() {
                        @Override
                        public void onAction(ActionRequest action) {
                            actions.add(action.rawAction());
                            action.signOnReceipt();
                        }
                    }).outcome().get(30, TimeUnit.SECONDS).transaction();

            assertThat(actions).containsExactly(ExecuteTransactionAction.CUSTOMER_SIGNATURE);
            assertThat(TransactionStatus.of(signed)).isEqualTo(TransactionStatus.APPROVED);
        }
    }

    private static P3Transaction pay(PayClient client, String amount) throws Exception {
        client.connect().get(10, TimeUnit.SECONDS);
        client.login("shop", SECRET).get(10, TimeUnit.SECONDS);
        return client.charge(ChargeRequest.of("sim", Money.ofMajor(amount, "EUR")), null)
                .outcome().get(30, TimeUnit.SECONDS).transaction();
    }

    private String tls(Path clientCa) {
        return "tls: {certificate: " + certs.resolve(LocalCa.SERVER_CERTIFICATE) + ", key: "
                + certs.resolve(LocalCa.SERVER_KEY) + (clientCa == null ? "" : ", clientCa: " + clientCa) + "}";
    }

    /** A gateway on loopback with simulated terminal {@code sim} and, optionally, more terminals. */
    private Path config(String tls, String extraSection, String extraTerminals) throws IOException {
        return write("tillgate.yaml", """
                gateway: {host: 127.0.0.1}
                journal: {url: memory}
                p3: {websocketPort: 0, tcpPort: 0}
                %s
                %smerchants: [{id: shop, secret: %s, terminals: [sim%s]}]
                terminals:
                  - {id: sim, speed: fast}
                %s""".formatted(tls, extraSection, SECRET, extraTerminals.isEmpty() ? "" : ", pax", extraTerminals));
    }

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }
}
