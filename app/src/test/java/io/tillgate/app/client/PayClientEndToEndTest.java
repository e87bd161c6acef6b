package io.tillgate.app.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.app.Gateway;
import io.tillgate.app.TestSettings;
import io.tillgate.core.money.Money;
import io.tillgate.p3.client.ActionRequest;
import io.tillgate.p3.client.ChargeRequest;
import io.tillgate.p3.client.PayClient;
import io.tillgate.p3.client.PayClientException;
import io.tillgate.p3.client.QueryKey;
import io.tillgate.p3.client.ReconnectPolicy;
import io.tillgate.p3.client.RefundRequest;
import io.tillgate.p3.client.TransactionListener;
import io.tillgate.p3.client.TransactionStatus;
import io.tillgate.p3.client.TransactionUpdate;
import io.tillgate.p3.codec.ExecuteTransactionAction;
import io.tillgate.p3.codec.P3Device;
import io.tillgate.p3.codec.P3Transaction;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PayClient against the real gateway (P3 server, payment service, simulated terminals) over
 * loopback sockets, on both transports. The cents of each amount pick the simulated scenario.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PayClientEndToEndTest {

    @TempDir
    static Path journalDir;

    private static Gateway gateway;
    private PayClient client;

    @BeforeAll
    static void startGateway() {
        gateway = Gateway.start(TestSettings.fastDefault(journalDir)
                .withTransactionTimeout(Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    static Stream<String> transports() {
        return Stream.of("ws", "tcp");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void approvedWithReceipts(String transport) throws Exception {
        String device = connect(transport);
        List<TransactionUpdate> updates = new CopyOnWriteArrayList<>();

        P3Transaction t = client.charge(ChargeRequest.of(device, eur("12.00")).withSubject("Coffee"),
                new TransactionListener() {
                    @Override
                    public void onUpdate(TransactionUpdate update) {
                        updates.add(update);
                    }
                }).outcome().get(10, TimeUnit.SECONDS).transaction();

        assertThat(TransactionStatus.of(t)).isEqualTo(TransactionStatus.APPROVED);
        assertThat(t.identifier()).matches("[0-9a-f]{32}");
        assertThat(t.amount()).isEqualByComparingTo("12.00");
        assertThat(t.cardDetails().maskedCardNumber()).matches("[0-9]{6}\\*+[0-9]{4}");
        assertThat(t.customerReceipt().lines()).isNotEmpty();
        assertThat(t.merchantReceipt().lines()).isNotEmpty();
        assertThat(updates).isNotEmpty();
        assertThat(updates).allSatisfy(u -> assertThat(u.information()).hasSize(2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void declined(String transport) throws Exception {
        String device = connect(transport);

        P3Transaction t = client.charge(ChargeRequest.of(device, eur("12.91")), null)
                .outcome().get(10, TimeUnit.SECONDS).transaction();

        assertThat(TransactionStatus.of(t)).isEqualTo(TransactionStatus.DECLINED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void signatureOnReceipt(String transport) throws Exception {
        String device = connect(transport);
        List<String> actions = new CopyOnWriteArrayList<>();

        P3Transaction t = client.charge(ChargeRequest.of(device, eur("12.92")), new TransactionListener() {
            @Override
            public void onAction(ActionRequest action) {
                actions.add(action.rawAction());
                action.signOnReceipt();
            }
        }).outcome().get(10, TimeUnit.SECONDS).transaction();

        assertThat(actions).containsExactly(ExecuteTransactionAction.CUSTOMER_SIGNATURE);
        assertThat(TransactionStatus.of(t)).isEqualTo(TransactionStatus.APPROVED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void abortAfterTheAbortableUpdate(String transport) throws Exception {
        String device = connect(transport);
        AtomicBoolean abortSent = new AtomicBoolean();

        P3Transaction t = client.charge(ChargeRequest.of(device, eur("12.93")), new TransactionListener() {
            @Override
            public void onUpdate(TransactionUpdate update) {
                if (update.abortable() && abortSent.compareAndSet(false, true)) {
                    update.handle().abort();
                }
            }
        }).outcome().get(10, TimeUnit.SECONDS).transaction();

        assertThat(abortSent).isTrue();
        assertThat(TransactionStatus.of(t)).isEqualTo(TransactionStatus.ABORTED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void refundThenQuery(String transport) throws Exception {
        String device = connect(transport);
        ChargeRequest charge = ChargeRequest.of(device, eur("20.00")).withCustomIdentifier("order-" + transport);
        P3Transaction payment = client.charge(charge, null).outcome().get(10, TimeUnit.SECONDS).transaction();

        RefundRequest partial = RefundRequest.of(payment.identifier()).withAmount(eur("5.00")).withSubject("Return");
        P3Transaction refund = client.refund(partial).outcome().get(10, TimeUnit.SECONDS).transaction();

        assertThat(TransactionStatus.of(refund)).isEqualTo(TransactionStatus.APPROVED);
        assertThat(refund.type()).isEqualTo("REFUND");
        assertThat(refund.amount()).isEqualByComparingTo("5.00");
        assertThat(refund.customerReceipt().lines()).isNotEmpty();
        assertThat(client.query(QueryKey.byTag(charge.tag())).get(5, TimeUnit.SECONDS).transaction().identifier())
                .isEqualTo(payment.identifier());
        assertThat(client.query(QueryKey.byCustomIdentifier("order-" + transport)).get(5, TimeUnit.SECONDS)
                .identifier()).isEqualTo(payment.identifier());
        assertThat(client.query(QueryKey.byIdentifier(refund.identifier())).get(5, TimeUnit.SECONDS)
                .transaction().type()).isEqualTo("REFUND");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void recoversTheResultWhenTheConnectionDropsMidTransaction(String transport) throws Exception {
        String device = connect(transport);
        List<String> recovering = new CopyOnWriteArrayList<>();
        ChargeRequest request = ChargeRequest.of(device, eur("12.96"));

        P3Transaction t = client.charge(request, new TransactionListener() {
            @Override
            public void onRecovering(String tag, PayClientException cause) {
                recovering.add(tag);
            }
        }).outcome().get(20, TimeUnit.SECONDS).transaction();

        assertThat(recovering).containsExactly(request.tag());
        assertThat(TransactionStatus.of(t)).isEqualTo(TransactionStatus.APPROVED);
        assertThat(t.customerReceipt().lines()).isNotEmpty();
    }

    /** Connects by host name, as a POS would: the client's resolver must find the gateway. */
    private String connect(String transport) throws Exception {
        URI bound = transport.equals("ws") ? gateway.p3WebSocketUri() : gateway.p3TcpUri();
        URI uri = URI.create(transport + "://localhost:" + bound.getPort() + (bound.getPath() == null ? ""
                : bound.getPath()));
        client = PayClient.builder(uri)
                .reconnectPolicy(
                        new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(10)))
                .recoveryPollInterval(Duration.ofMillis(50))
                .build();
        client.connect().get(5, TimeUnit.SECONDS);
        List<P3Device> devices = client.login("demo", "tillgate-demo-secret").get(5, TimeUnit.SECONDS);
        return devices.get(0).identifier();
    }

    private static Money eur(String major) {
        return Money.ofMajor(major, "EUR");
    }
}
