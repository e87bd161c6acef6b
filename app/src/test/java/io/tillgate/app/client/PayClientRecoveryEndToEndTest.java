package io.tillgate.app.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.app.Gateway;
import io.tillgate.app.LoopbackPorts;
import io.tillgate.app.TestSettings;
import io.tillgate.core.money.Money;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.PayClientException;
import io.tillgate.p3.client.PayClientListener;
import io.tillgate.p3.client.QueryKey;
import io.tillgate.p3.client.ReconnectPolicy;
import io.tillgate.p3.client.RefundRequest;
import io.tillgate.p3.client.TransactionHandle;
import io.tillgate.p3.client.TransactionListener;
import io.tillgate.p3.client.TransactionResult;
import io.tillgate.p3.client.TransactionStatus;
import io.tillgate.testkit.LoopbackProxy;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PayClient recovering what it started through a real gateway when the connection, or the whole
 * gateway, goes away: a refund found again by its own tag, and a charge recovered by a second
 * gateway on the same journal, reached through the client's second address.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PayClientRecoveryEndToEndTest {

    private static final String MERCHANT = "demo";
    private static final String SECRET = "tillgate-demo-secret";

    @TempDir
    Path journalDir;

    private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void aRefundCutOffByADroppedConnectionIsRecoveredByItsOwnTag() throws Exception {
        Gateway gateway = open(Gateway.start(TestSettings.fastDefault(journalDir).withDrainTime(Duration.ZERO)));
        AtomicBoolean cut = new AtomicBoolean();
        LoopbackProxy proxy = open(new LoopbackProxy(address(gateway.p3TcpUri()),
                (fromServer, toClient) -> cutAtTheFirst("AMEND_TRANSACTION_UPDATE", cut, fromServer, toClient)));
        PayClient client = open(client(List.of(URI.create("tcp://127.0.0.1:" + proxy.port()))));
        String device = login(client);
        TransactionResult payment =
                client.charge(ChargeRequest.of(device, eur("20.00"))).await(Duration.ofSeconds(10));
        List<String> recovering = new CopyOnWriteArrayList<>();

        TransactionHandle refund = client.refund(RefundRequest.of(payment.identifier()).withAmount(eur("5.00"))
                .withTag("pos-refund-e2e-1"), new TransactionListener() {
                    @Override
                    public void onRecovering(String tag, PayClientException cause) {
                        recovering.add(tag);
                    }
                });
        TransactionResult refunded = refund.await(Duration.ofSeconds(20));

        assertThat(cut).isTrue();
        assertThat(recovering).containsExactly("pos-refund-e2e-1");
        assertThat(refunded.status()).isEqualTo(TransactionStatus.APPROVED);
        assertThat(refunded.transaction().type()).isEqualTo("REFUND");
        assertThat(refunded.transaction().amount()).isEqualByComparingTo("5.00");
        // A POS that lost everything but the tag it stored first finds the refund again.
        try (PayClient restarted = client(List.of(gateway.p3TcpUri()))) {
            login(restarted);
            assertThat(restarted.blocking().query(QueryKey.byTag("pos-refund-e2e-1")).identifier())
                    .isEqualTo(refunded.identifier());
        }
    }

    @Test
    void aChargeWhoseGatewayIsGoneIsRecoveredThroughTheNextAddressFromTheSameJournal() throws Exception {
        int secondPort = LoopbackPorts.free();
        // Stopped as on SIGTERM: the approval the terminal is about to give is journaled before it goes.
        Gateway first = Gateway.start(TestSettings.fastDefault(journalDir).withDrainTime(Duration.ofSeconds(5)));
        AtomicReference<Gateway> second = new AtomicReference<>();
        List<URI> connectedTo = new CopyOnWriteArrayList<>();
        List<URI> addresses = List.of(first.p3TcpUri(), URI.create("tcp://127.0.0.1:" + secondPort));
        PayClient client = open(PayClient.builder(addresses)
                // A pause longer than it takes to stop the first gateway, so the client cannot reach it again.
                .reconnectPolicy(new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1),
                        Duration.ofSeconds(30)))
                .recoveryPollInterval(Duration.ofMillis(50))
                .listener(new PayClientListener() {
                    @Override
                    public void onConnected(URI endpoint) {
                        connectedTo.add(endpoint);
                    }
                })
                .build());
        String device = login(client);

        // Cents 96: the gateway approves, then drops the POS connection before answering. The
        // listener (on the client's callback thread) takes the first gateway down for good and
        // starts another on the same journal at the client's second address.
        ChargeRequest charge = ChargeRequest.of(device, eur("12.96")).withTag("pos-failover-e2e-1");
        TransactionResult result = client.charge(charge, new TransactionListener() {
            @Override
            public void onRecovering(String tag, PayClientException cause) {
                first.close();
                second.set(open(Gateway.start(TestSettings.fastDefault(journalDir).withP3Ports(0, secondPort))));
            }
        }).await(Duration.ofSeconds(40));

        assertThat(second.get()).isNotNull();
        assertThat(result.status()).isEqualTo(TransactionStatus.APPROVED);
        assertThat(connectedTo).containsExactlyElementsOf(addresses);
        assertThat(client.endpoint()).isEqualTo(addresses.get(1));
        assertThat(client.blocking().query(QueryKey.byTag("pos-failover-e2e-1")).identifier())
                .isEqualTo(result.identifier());
    }

    /** Relays framed P3 from the gateway, but cuts the connection instead of passing on the first {@code type}. */
    private static void cutAtTheFirst(String type, AtomicBoolean cut, InputStream fromServer, OutputStream toClient)
            throws IOException {
        DataInputStream in = new DataInputStream(fromServer);
        DataOutputStream out = new DataOutputStream(toClient);
        while (true) {
            int length = in.readInt();
            byte[] json = in.readNBytes(length);
            boolean named = new String(json, StandardCharsets.UTF_8).contains("\"" + type + "\"");
            if (named && cut.compareAndSet(false, true)) {
                throw new IOException("cut by the test");
            }
            out.writeInt(length);
            out.write(json);
            out.flush();
        }
    }

    private PayClient client(List<URI> uris) {
        return PayClient.builder(uris)
                .reconnectPolicy(
                        new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(10)))
                .recoveryPollInterval(Duration.ofMillis(50))
                .build();
    }

    private static String login(PayClient client) {
        client.blocking().connect();
        return client.blocking().login(MERCHANT, SECRET).get(0).identifier();
    }

    private <T extends AutoCloseable> T open(T resource) {
        resources.add(resource);
        return resource;
    }

    private static InetSocketAddress address(URI uri) {
        return new InetSocketAddress(uri.getHost(), uri.getPort());
    }

    private static Money eur(String major) {
        return Money.ofMajor(major, "EUR");
    }
}
