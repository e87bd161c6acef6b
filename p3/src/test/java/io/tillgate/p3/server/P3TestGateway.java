package io.tillgate.p3.server;

import io.tillgate.core.merchant.Merchant;
import io.tillgate.core.merchant.MerchantDirectory;
import io.tillgate.core.receipt.MerchantDetails;
import io.tillgate.core.service.PaymentService;
import io.tillgate.core.service.PaymentServiceSettings;
import io.tillgate.core.simulated.SimulatedTerminal;
import io.tillgate.core.simulated.SimulatedTiming;
import io.tillgate.core.transaction.InMemoryTransactionStore;
import io.tillgate.p3.codec.P3Device;
import io.tillgate.transport.ServerTls;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A real gateway for end-to-end tests: the P3 server on free loopback ports in front of a real
 * {@link PaymentService} and simulated terminals. Merchant {@code demo} has {@code reader1} and
 * {@code reader2}; merchant {@code other} has {@code reader3}, to prove isolation.
 *
 * <p>The card flow runs at test speed, except that cents 93 waits {@link #SLOW_CARD} for the card
 * (long enough to abort or disconnect, short enough to finish within the test) and cents 95 is
 * settled INCONCLUSIVE by the {@link #TRANSACTION_TIMEOUT}.
 */
final class P3TestGateway implements AutoCloseable {

    static final Duration SLOW_CARD = Duration.ofSeconds(1);
    static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(2);
    static final int MAX_FRAME_BYTES = 16 * 1024;
    static final String SECRET = "demo-secret";
    static final String OTHER_SECRET = "other-secret";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final InMemoryTransactionStore store = new InMemoryTransactionStore();
    private final PaymentService payments;
    private final P3Server server;

    P3TestGateway() {
        this(Duration.ofMinutes(1));
    }

    P3TestGateway(Duration idleTimeout) {
        this(idleTimeout, LoginThrottleSettings.defaults(), Clock.systemUTC());
    }

    /** Failed logins throttled by {@code loginThrottle}, on {@code loginClock}. */
    P3TestGateway(LoginThrottleSettings loginThrottle, Clock loginClock) {
        this(Duration.ofMinutes(1), loginThrottle, loginClock);
    }

    private P3TestGateway(Duration idleTimeout, LoginThrottleSettings loginThrottle, Clock loginClock) {
        this(idleTimeout, loginThrottle, loginClock, null);
    }

    /** Both listeners over TLS. */
    P3TestGateway(ServerTls tls) {
        this(Duration.ofMinutes(1), LoginThrottleSettings.defaults(), Clock.systemUTC(), tls);
    }

    private P3TestGateway(Duration idleTimeout, LoginThrottleSettings loginThrottle, Clock loginClock,
            ServerTls tls) {
        SimulatedTiming timing = new SimulatedTiming(SimulatedTiming.FAST.step(), SimulatedTiming.FAST.customer(),
                SLOW_CARD);
        payments = new PaymentService(
                List.of(new SimulatedTerminal("reader1", timing, scheduler, false),
                        new SimulatedTerminal("reader2", timing, scheduler, false),
                        new SimulatedTerminal("reader3", timing, scheduler, false)),
                store, PaymentServiceSettings.defaults().withTransactionTimeout(TRANSACTION_TIMEOUT),
                Clock.systemUTC());
        MerchantDirectory merchants = new MerchantDirectory(List.of(
                new Merchant("demo", SECRET, new MerchantDetails("Demo Shop", "Main Street 1", "10115", "Berlin",
                        "DE"), List.of("reader1", "reader2")),
                new Merchant("other", OTHER_SECRET, new MerchantDetails("Other Shop", null, null, null, null),
                        List.of("reader3"))));
        Map<String, P3Device> devices = new LinkedHashMap<>();
        devices.put("reader1", P3Device.of("Counter 1", "reader1", "MOCK", "MOCK"));
        devices.put("reader2", P3Device.of("Counter 2", "reader2", "MOCK", "MOCK"));
        devices.put("reader3", P3Device.of("Back office", "reader3", "MOCK", "MOCK"));
        server = new P3Server(new P3ServerConfig("127.0.0.1", 0, 0, MAX_FRAME_BYTES, idleTimeout,
                Map.of("location", "Test Lab"), 40, ZoneId.of("Europe/Berlin"))
                .withLoginThrottle(loginThrottle, loginClock).withTls(tls), payments, merchants, devices);
        server.start();
    }

    P3Server server() {
        return server;
    }

    /** The journal, as a cluster of nodes would share it. */
    InMemoryTransactionStore store() {
        return store;
    }

    URI webSocketUri(String path) {
        return URI.create("ws://127.0.0.1:" + server.webSocketAddress().getPort() + path);
    }

    /** A framed-TCP connection from {@code source}, a loopback address other than 127.0.0.1 if need be. */
    P3TestConnection connectFrom(InetAddress source) {
        return new TcpTestConnection(server.tcpAddress(), source);
    }

    P3TestConnection connect(Transport transport) {
        return switch (transport) {
            case TCP -> new TcpTestConnection(server.tcpAddress());
            case WEBSOCKET -> new WebSocketTestConnection(webSocketUri("/p3"));
        };
    }

    @Override
    public void close() {
        server.close();
        payments.close();
        scheduler.shutdownNow();
    }

    /** The two ways a POS reaches the server. */
    enum Transport {
        TCP,
        WEBSOCKET
    }
}
