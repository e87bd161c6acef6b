package io.tillgate.p3.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.EventExecutor;
import io.tillgate.core.money.Money;
import io.tillgate.p3.codec.ExecuteTransactionResponse;
import io.tillgate.p3.codec.ExecuteTransactionUpdate;
import io.tillgate.p3.codec.LoginMerchantRequest;
import io.tillgate.p3.codec.P3Error;
import io.tillgate.p3.codec.P3ErrorType;
import io.tillgate.p3.codec.P3Message;
import io.tillgate.p3.codec.P3MessageType;
import io.tillgate.p3.codec.P3Transaction;
import io.tillgate.p3.codec.QueryTransactionRequest;
import io.tillgate.p3.codec.QueryTransactionResponse;
import io.tillgate.p3.codec.SubmitSignatureResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Where PayClient runs its callbacks (never on an event-loop thread unless asked, in order on any
 * executor), the blocking facade, and moving to the next gateway address when a node is gone.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PayClientCallbacksTest {

    private static final ReconnectPolicy FAST_RECONNECT =
            new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(5));

    private final EventLoopGroup io = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final List<ScriptedP3Server> servers = new ArrayList<>();
    private PayClient client;
    private ExecutorService pool;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        servers.forEach(ScriptedP3Server::close);
        io.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void callbacksAndFuturesNeverRunOnAnEventLoopThreadByDefault() throws Exception {
        ScriptedP3Server server = server();
        List<String> threads = new CopyOnWriteArrayList<>();
        client = PayClient.builder(server.uri()).eventLoopGroup(io).listener(new PayClientListener() {
            @Override
            public void onConnected(URI endpoint) {
                record(threads, "onConnected");
            }
        }).build();

        CompletableFuture<Void> connected = client.connect().thenRun(() -> record(threads, "connect"));
        connected.get(5, TimeUnit.SECONDS);
        CompletableFuture<Void> loggedIn = client.login("demo", "s3cret").thenRun(() -> record(threads, "login"));
        server.acceptLogin();
        loggedIn.get(5, TimeUnit.SECONDS);
        runSignedCharge(server, threads);

        assertThat(threads).extracting(t -> t.substring(0, t.indexOf(' ')))
                .containsExactly("onConnected", "connect", "login", "onUpdate", "onAction", "outcome");
        assertThat(threads).allSatisfy(t -> assertThat(t).endsWith("off the I/O threads")
                .contains("tillgate-payclient-callbacks-"));
    }

    @Test
    void callbacksRunOnTheIoThreadOnlyWhenAsked() throws Exception {
        ScriptedP3Server server = server();
        List<String> threads = new CopyOnWriteArrayList<>();
        client = PayClient.builder(server.uri()).eventLoopGroup(io).callbacksOnIoThread().build();
        loggedIn(server);

        runSignedCharge(server, threads);

        assertThat(threads).hasSize(3).allSatisfy(t -> assertThat(t).endsWith("on an I/O thread"));
    }

    @Test
    void aCallersThreadPoolGetsTheCallbacksOneAtATimeAndInOrder() throws Exception {
        ScriptedP3Server server = server();
        pool = Executors.newFixedThreadPool(4);
        client = PayClient.builder(server.uri()).eventLoopGroup(io).callbackExecutor(pool).build();
        loggedIn(server);
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Boolean> overlapping = new CopyOnWriteArrayList<>();
        AtomicReference<Thread> inside = new AtomicReference<>();

        TransactionHandle charge = client.charge(ChargeRequest.of("sim-1", eur("1.00")), new TransactionListener() {
            @Override
            public void onUpdate(TransactionUpdate update) {
                overlapping.add(!inside.compareAndSet(null, Thread.currentThread()));
                seen.add(update.information().get(0));
                Thread.onSpinWait();
                inside.set(null);
            }
        });
        CompletableFuture<Void> outcome = charge.outcome().thenRun(() -> seen.add("outcome"));
        P3Message execute = server.take(P3MessageType.EXECUTE_TRANSACTION_REQUEST);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            server.send(P3Message.ok(execute, update("update " + i, "t", true)));
            expected.add("update " + i);
        }
        server.send(P3Message.ok(execute, new ExecuteTransactionResponse(transaction("t", "APPROVED"))));
        expected.add("outcome");

        outcome.get(5, TimeUnit.SECONDS);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(overlapping).containsOnly(false);
    }

    @Test
    void theBlockingFacadeReturnsOutcomesAndThrowsFailures() throws Exception {
        ScriptedP3Server server = server();
        client = PayClient.builder(server.uri()).eventLoopGroup(io).build();
        BlockingPayClient pos = client.blocking(Duration.ofSeconds(5));
        pos.connect();
        CompletableFuture<P3Message> serverSide = background(server::acceptLogin);
        assertThat(pos.login("demo", "s3cret")).isEqualTo(ScriptedP3Server.DEVICES);
        serverSide.get(5, TimeUnit.SECONDS);

        serverSide = background(() -> {
            P3Message execute = server.take(P3MessageType.EXECUTE_TRANSACTION_REQUEST);
            server.send(P3Message.ok(execute, update("PROCESSING", "c", false)));
            server.send(P3Message.ok(execute, new ExecuteTransactionResponse(transaction("c", "DECLINED"))));
            return execute;
        });
        List<TransactionUpdate> updates = new CopyOnWriteArrayList<>();
        TransactionResult declined = pos.charge(ChargeRequest.of("sim-1", eur("12.91")).withTag("blocking-1"),
                new TransactionListener() {
                    @Override
                    public void onUpdate(TransactionUpdate update) {
                        updates.add(update);
                    }
                });
        assertThat(serverSide.get(5, TimeUnit.SECONDS).tag()).isEqualTo("blocking-1");
        assertThat(declined.status()).isEqualTo(TransactionStatus.DECLINED);
        assertThat(declined.identifier()).isEqualTo("c");
        assertThat(updates).hasSize(1);

        serverSide = background(() -> {
            P3Message query = server.take(P3MessageType.QUERY_TRANSACTION_REQUEST);
            server.send(P3Message.errorFor(query, P3Error.of(P3ErrorType.TRANSACTION_REFERENCE_NOT_FOUND, "unknown")));
            return query;
        });
        assertThatThrownBy(() -> pos.query(QueryKey.byTag("nothing")))
                .isInstanceOfSatisfying(P3ErrorException.class,
                        e -> assertThat(e.type()).isEqualTo(ErrorType.TRANSACTION_REFERENCE_NOT_FOUND));
        serverSide.get(5, TimeUnit.SECONDS);
    }

    @Test
    void theBlockingFacadeGivesUpWaitingButNotTheTransaction() throws Exception {
        ScriptedP3Server server = server();
        client = PayClient.builder(server.uri()).eventLoopGroup(io).build();
        loggedIn(server);
        BlockingPayClient pos = client.blocking(Duration.ofMillis(300));

        assertThatThrownBy(() -> pos.refund(RefundRequest.of("orig-1").withTag("slow-refund")))
                .isInstanceOf(RequestTimeoutException.class)
                .hasMessageContaining("refund slow-refund did not end within 300 ms")
                .hasMessageContaining("query it later by its tag");
        P3Message amend = server.take(P3MessageType.AMEND_TRANSACTION_REQUEST);
        assertThat(amend.tag()).isEqualTo("slow-refund");
    }

    @Test
    void theBlockingFacadeRefusesToWaitInsideACallback() throws Exception {
        ScriptedP3Server server = server();
        client = PayClient.builder(server.uri()).eventLoopGroup(io).build();
        loggedIn(server);
        CompletableFuture<Throwable> refused = new CompletableFuture<>();

        TransactionHandle charge = client.charge(ChargeRequest.of("sim-1", eur("1.00")), new TransactionListener() {
            @Override
            public void onUpdate(TransactionUpdate update) {
                try {
                    client.blocking().query(QueryKey.byTag("x"));
                    refused.complete(null);
                } catch (RuntimeException e) {
                    refused.complete(e);
                }
            }
        });
        P3Message execute = server.take(P3MessageType.EXECUTE_TRANSACTION_REQUEST);
        server.send(P3Message.ok(execute, update("PROCESSING", "t", false)));

        assertThat(refused.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in a callback of its own PayClient");
        server.send(P3Message.ok(execute, new ExecuteTransactionResponse(transaction("t", "APPROVED"))));
        assertThat(charge.outcome().get(5, TimeUnit.SECONDS).isApproved()).isTrue();
    }

    @Test
    void connectingTriesTheNextAddressWhenTheFirstIsRefused() throws Exception {
        ScriptedP3Server gone = server();
        URI goneUri = gone.uri();
        gone.close();
        servers.remove(gone);
        ScriptedP3Server alive = server();
        client = PayClient.builder(List.of(goneUri, alive.uri())).eventLoopGroup(io).build();

        client.connect().get(5, TimeUnit.SECONDS);

        assertThat(client.endpoint()).isEqualTo(alive.uri());
        assertThat(client.endpoints()).containsExactly(goneUri, alive.uri());
    }

    @Test
    void connectingFailsNamingEveryAddressWhenNoneAnswers() throws Exception {
        ScriptedP3Server first = server();
        ScriptedP3Server second = server();
        List<URI> uris = List.of(first.uri(), second.uri());
        servers.forEach(ScriptedP3Server::close);
        servers.clear();
        client = PayClient.builder(uris).eventLoopGroup(io).build();

        assertThatThrownBy(() -> client.connect().get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("cannot connect to any of [" + uris.get(0) + ", " + uris.get(1) + "]");
    }

    @Test
    void aRunningChargeMovesToTheNextNodeWhenItsNodeIsGoneAndIsRecoveredThereByTag() throws Exception {
        ScriptedP3Server first = server();
        ScriptedP3Server second = server();
        List<String> connectedTo = new CopyOnWriteArrayList<>();
        client = PayClient.builder(List.of(first.uri(), second.uri())).eventLoopGroup(io)
                .reconnectPolicy(FAST_RECONNECT).recoveryPollInterval(Duration.ofMillis(20))
                .listener(new PayClientListener() {
                    @Override
                    public void onConnected(URI endpoint) {
                        connectedTo.add(endpoint.toString());
                    }
                }).build();
        loggedIn(first);

        TransactionHandle charge = client.charge(ChargeRequest.of("sim-1", eur("12.96")).withTag("failover-1"));
        P3Message execute = first.take(P3MessageType.EXECUTE_TRANSACTION_REQUEST);
        first.send(P3Message.ok(execute, update("PROCESSING", "t-f", false)));
        first.dropConnection();
        first.close();
        servers.remove(first);

        P3Message login = second.acceptLogin();
        P3Message query = second.take(P3MessageType.QUERY_TRANSACTION_REQUEST);
        second.send(P3Message.ok(query, new QueryTransactionResponse(transaction("t-f", "APPROVED"))));

        assertThat(charge.outcome().get(5, TimeUnit.SECONDS).identifier()).isEqualTo("t-f");
        assertThat(login.body(LoginMerchantRequest.class).merchantIdentifier()).isEqualTo("demo");
        assertThat(query.body(QueryTransactionRequest.class)).isEqualTo(QueryTransactionRequest.byTag("failover-1"));
        assertThat(connectedTo).containsExactly(first.uri().toString(), second.uri().toString());
        assertThat(client.endpoint()).isEqualTo(second.uri());
    }

    // ------------------------------------------------------------------------------------------

    private ScriptedP3Server server() throws InterruptedException {
        ScriptedP3Server server = ScriptedP3Server.start(false);
        servers.add(server);
        return server;
    }

    private void loggedIn(ScriptedP3Server server) throws Exception {
        client.connect().get(5, TimeUnit.SECONDS);
        CompletableFuture<?> login = client.login("demo", "s3cret");
        server.acceptLogin();
        login.get(5, TimeUnit.SECONDS);
    }

    /** A charge with an update and a signature request (signed on the receipt), recording where each callback ran. */
    private void runSignedCharge(ScriptedP3Server server, List<String> threads) throws Exception {
        TransactionHandle charge = client.charge(ChargeRequest.of("sim-1", eur("12.92")), new TransactionListener() {
            @Override
            public void onUpdate(TransactionUpdate update) {
                record(threads, "onUpdate");
            }

            @Override
            public void onAction(ActionRequest action) {
                record(threads, "onAction");
                action.signOnReceipt();
            }
        });
        CompletableFuture<Void> outcome = charge.outcome().thenRun(() -> record(threads, "outcome"));
        P3Message execute = server.take(P3MessageType.EXECUTE_TRANSACTION_REQUEST);
        server.send(P3Message.ok(execute, update("PROCESSING", "s", false)));
        server.sendRaw("{\"type\":\"EXECUTE_TRANSACTION_ACTION\",\"tag\":\"" + execute.tag() + "\",\"status\":\"OK\","
                + "\"executeTransactionAction\":{\"action\":\"CUSTOMER_SIGNATURE\","
                + "\"transaction\":{\"status\":\"PENDING\"}}}");
        P3Message signature = server.take(P3MessageType.SUBMIT_SIGNATURE_REQUEST);
        server.send(P3Message.ok(signature, new SubmitSignatureResponse()));
        server.send(P3Message.ok(execute, new ExecuteTransactionResponse(transaction("s", "APPROVED"))));
        outcome.get(5, TimeUnit.SECONDS);
    }

    private void record(List<String> threads, String callback) {
        boolean onIo = false;
        for (EventExecutor loop : io) {
            onIo |= loop.inEventLoop();
        }
        threads.add(callback + " " + Thread.currentThread().getName()
                + (onIo ? " on an I/O thread" : " off the I/O threads"));
    }

    private static <T> CompletableFuture<T> background(ServerStep<T> step) {
        CompletableFuture<T> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                done.complete(step.run());
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "scripted-server-step");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    @FunctionalInterface
    private interface ServerStep<T> {
        T run() throws Exception;
    }

    private static Money eur(String major) {
        return Money.ofMajor(major, "EUR");
    }

    private static ExecuteTransactionUpdate update(String line, String identifier, boolean abortable) {
        return new ExecuteTransactionUpdate("PROCESSING", "PROCESSING", List.of(line, ""), abortable,
                transaction(identifier, "PENDING"));
    }

    private static P3Transaction transaction(String identifier, String status) {
        return P3Transaction.builder().identifier(identifier).amount(new BigDecimal("1.00")).currency("EUR")
                .type("CHARGE").status(status).build();
    }
}
